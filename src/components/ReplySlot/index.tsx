import type { ReplyFormProps } from './ReplyForm'

import { ReplyForm } from './ReplyForm'

type ReplySlotProps = { closed: boolean } & ReplyFormProps

/** "Leave A Reply": the comment form, or the notice that the article takes no more comments. */
export function ReplySlot({ closed, ...form }: ReplySlotProps) {
  return (
    <section id="respond" className="respond" aria-labelledby="respond-heading">
      <h2 id="respond-heading">Leave A Reply</h2>
      {closed ? <p className="respond__closed">Comments are closed.</p> : <ReplyForm key={form.replyTo?.id ?? 'top'} {...form} />}
    </section>
  )
}
