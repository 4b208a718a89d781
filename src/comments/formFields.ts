/**
 * The form's trap and clock fields: names a bot is glad to fill, never shown to people. Read by
 * the form (src/components/ReplySlot) and the checks (src/comments/spam.ts).
 */
export const FORM_FIELDS = { honeypot: 'phone', issuedAt: 'issued' } as const
