import type { PullQuoteBlock } from '@/payload-types'

import { castHref } from '@/lib/urls'

export function PullQuoteComponent({ block }: { block: PullQuoteBlock }) {
  const member = typeof block.castMember === 'object' && block.castMember ? block.castMember : null
  return (
    <figure className="pull-quote">
      <blockquote>
        <p>{block.quote}</p>
      </blockquote>
      <figcaption>
        — {member ? <a href={castHref(member.slug)}>{block.attribution}</a> : block.attribution}
      </figcaption>
    </figure>
  )
}
