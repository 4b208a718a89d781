import type { SentMessageInfo, Transport } from 'nodemailer'
import type MailMessage from 'nodemailer/lib/mailer/mail-message'

const line = (value: unknown): string => {
  if (Array.isArray(value)) return value.map(line).join(', ')
  if (value && typeof value === 'object' && 'address' in value) return String((value as { address: unknown }).address)
  return value === undefined || value === null ? '' : String(value)
}

/**
 * A nodemailer transport that prints each message instead of sending it: what a developer
 * without an SMTP server (SMTP_HOST unset) sees of the newsroom's email. Messages still go
 * through the nodemailer adapter, so everything up to the wire is the same as in production.
 */
export const consoleTransport: Transport<SentMessageInfo> = {
  name: 'byline-console',
  version: '1',
  send(mail: MailMessage<SentMessageInfo>, callback) {
    const { from, to, subject, text } = mail.data
    console.info(
      [
        '── email (not sent: SMTP_HOST is not set) ──',
        `From: ${line(from)}`,
        `To: ${line(to)}`,
        `Subject: ${line(subject)}`,
        '',
        line(text).trimEnd(),
        '──',
      ].join('\n'),
    )
    callback(null, { envelope: mail.message.getEnvelope(), messageId: mail.message.messageId() })
  },
}
