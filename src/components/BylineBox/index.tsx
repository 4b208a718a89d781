import type { AuthorRef } from '@/lib/articles/types'

import { MediaImage } from '../MediaImage'

/** The author box under an article: avatar, name, bio and a link to the author's page. */
export function BylineBox({ author }: { author: AuthorRef }) {
  return (
    <section className="byline-box" aria-labelledby={`byline-${author.slug}`}>
      {author.avatar ? <MediaImage image={author.avatar} sizes="5rem" className="byline-box__avatar" decorative /> : null}
      <div>
        <h2 id={`byline-${author.slug}`} className="byline-box__name">
          <a href={author.href} rel="author">
            {author.name}
          </a>
        </h2>
        {author.bio ? <p>{author.bio}</p> : null}
        <p>
          <a href={author.href}>More from {author.name}</a>
        </p>
      </div>
    </section>
  )
}
