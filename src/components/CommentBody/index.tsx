import { commentParagraphs } from '@/lib/commentText'

/** A comment's plain text: paragraphs from blank lines, line breaks kept, URLs as unendorsed links. */
export function CommentBody({ body }: { body: string }) {
  return (
    <div className="comment__body">
      {commentParagraphs(body).map((lines, p) => (
        <p key={p}>
          {lines.map((runs, l) => (
            <span key={l}>
              {l > 0 ? <br /> : null}
              {runs.map((run, r) =>
                run.kind === 'link' ? (
                  <a key={r} href={run.href} rel="nofollow ugc noopener">
                    {run.text}
                  </a>
                ) : (
                  <span key={r}>{run.text}</span>
                ),
              )}
            </span>
          ))}
        </p>
      ))}
    </div>
  )
}
