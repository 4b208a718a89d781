import type { ReviewEvent, StaffMember } from '@/articles/reviewNotices'

import type { Email } from './plainText'

import { quote, SITE } from './plainText'

/**
 * The review notices as messages, one per recipient. The editor's note goes to the author in
 * full; the article is linked in the admin, or on the site once it is published.
 */
export function reviewEmails({
  event,
  article,
  actorName,
  note,
  recipients,
  links,
}: {
  event: ReviewEvent
  article: { id: string; title: string; path: string | null }
  actorName: string | null
  note: string | null
  recipients: StaffMember[]
  links: { origin: string; adminRoute: string }
}): Email[] {
  const url = (path: string) => new URL(path, `${links.origin}/`).toString()
  const editUrl = url(`${links.adminRoute.replace(/\/$/, '')}/collections/articles/${article.id}`)
  const who = actorName ?? 'Someone'
  const title = article.title || 'Untitled draft'

  const write: Record<ReviewEvent, (to: StaffMember) => Omit<Email, 'to'>> = {
    submitted: () => ({
      subject: `[${SITE}] For review: "${title}"`,
      text: [
        `${who} submitted "${title}" for review.`,
        '',
        `Read it, then publish it or send it back with a note: ${editUrl}`,
      ].join('\n'),
    }),
    'sent-back': (to) => ({
      subject: `[${SITE}] Changes requested: "${title}"`,
      text: [
        `Hello ${to.name},`,
        '',
        `${who} sent "${title}" back to you with this note:`,
        '',
        quote(note ?? '(no note)'),
        '',
        `Make the changes, then submit it for review again: ${editUrl}`,
      ].join('\n'),
    }),
    published: (to) => ({
      subject: `[${SITE}] Published: "${title}"`,
      text: [
        `Hello ${to.name},`,
        '',
        `"${title}" is published${actorName ? ` (by ${actorName})` : ''}.`,
        ...(article.path ? ['', `Read it on the site: ${url(article.path)}`] : []),
      ].join('\n'),
    }),
  }

  return recipients.map((member) => ({ to: member.email, ...write[event](member) }))
}
