/**
 * Where the "Leave A Reply" form goes. The comments issue builds the form; until then the slot
 * says whether the article takes comments, and offers nothing that looks like it works.
 */
export function ReplySlot({ commentsOpen }: { commentsOpen: boolean }) {
  return (
    <section id="respond" className="respond" aria-labelledby="respond-heading">
      <h2 id="respond-heading">Leave A Reply</h2>
      <p>{commentsOpen ? 'Comments are open. The comment form is on its way.' : 'Comments are closed.'}</p>
    </section>
  )
}
