import { Fragment } from 'react'

import { commentParagraphs } from '@/lib/commentText'

/**
 * A comment's plain text: paragraphs from blank lines, line breaks kept, URLs as unendorsed links.
 * Text runs render as bare strings, not wrapped elements: a thread of hundreds of comments is
 * rendered twice per page (HTML and the RSC payload), so every element per comment counts.
 */
export function CommentBody({ body }: { body: string }) {
  return (
    <div className="comment__body">
      {commentParagraphs(body).map((lines, p) => (
        <p key={p}>
          {lines.map((runs, l) => (
            <Fragment key={l}>
              {l > 0 ? <br /> : null}
              {runs.map((run, r) =>
                run.kind === 'link' ? (
                  <a key={r} href={run.href} rel="nofollow ugc noopener">
                    {run.text}
                  </a>
                ) : (
                  run.text
                ),
              )}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  )
}
