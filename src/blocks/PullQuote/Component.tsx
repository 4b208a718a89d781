import type { PullQuoteBlock } from '@/payload-types'

import type { DraftFields } from '../draftFields'

import { castHref } from '@/lib/urls'

import { filled } from '../draftFields'

export function PullQuoteComponent({ block }: { block: DraftFields<PullQuoteBlock> }) {
  const quote = filled(block.quote)
  // A draft's quote may not be written yet: an empty figure would only show a stray dash.
  if (!quote) return null
  const attribution = filled(block.attribution)
  const member = block.castMember
  const slug = typeof member === 'object' && member !== null ? filled(member.slug) : null
  return (
    <figure className="pull-quote">
      <blockquote>
        <p>{quote}</p>
      </blockquote>
      {attribution ? <figcaption>— {slug ? <a href={castHref(slug)}>{attribution}</a> : attribution}</figcaption> : null}
    </figure>
  )
}
