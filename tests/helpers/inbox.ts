import type { SMTPServerDataStream, SMTPServerSession } from 'smtp-server'

import type { AddressInfo } from 'node:net'
import type { Payload } from 'payload'

import type * as Fixtures from './fixtures'
import type * as Rest from './rest'

import { SMTPServer } from 'smtp-server'

/**
 * A mailbox on loopback for integration tests: an SMTP server (the `smtp-server` package) on a
 * free port receives what Payload's nodemailer adapter sends, and tests read the recipients,
 * subject and text it got. Start it, and point SMTP_HOST/SMTP_PORT at it, before the test file
 * loads the Payload config (the config reads the environment once): `loadPayloadWithInbox` does both.
 */

export type Received = { to: string[]; subject: string; text: string; headers: Record<string, string> }

/** Quoted-printable and encoded words as nodemailer writes them; enough to read our own messages. */
function decode(raw: string): { headers: Record<string, string>; body: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/)
  const headers: Record<string, string> = {}
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
  }
  const word = (text: string) =>
    text.replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : qp(data.replace(/_/g, ' ')),
    )
  const qp = (text: string) => Buffer.from(text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8')
  const bodyRaw = rest.join('\n\n')
  const encoding = headers['content-transfer-encoding']?.toLowerCase()
  const body = encoding === 'quoted-printable' ? qp(bodyRaw) : encoding === 'base64' ? Buffer.from(bodyRaw, 'base64').toString('utf8') : bodyRaw
  return { headers: { ...headers, subject: word(headers.subject ?? '') }, body: body.replace(/\r\n/g, '\n') }
}

/** Sends started together arrive within this of each other on loopback. */
const GRACE_MS = 300
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A mailbox on loopback that keeps every message it is handed. */
export class Inbox {
  readonly messages: Received[] = []
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const { headers, body } = decode(Buffer.concat(chunks).toString('utf8'))
        this.messages.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), subject: headers.subject ?? '', text: body, headers })
        callback()
      })
    },
  })

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    return (this.server.server.address() as AddressInfo).port
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }

  /**
   * The messages with this subject that mention `about`, once `count` of them have arrived (the
   * app does not wait for its mail to go, so neither can the test's request), and after a grace
   * period in which any unexpected extra one would have arrived too.
   */
  async waitFor({ subject, about, to, count = 1 }: { subject: string; about: string; to?: string; count?: number }, timeout = 10_000): Promise<Received[]> {
    const matching = () => this.messages.filter((message) => message.subject === subject && message.text.includes(about) && (!to || message.to.includes(to)))
    const started = Date.now()
    while (matching().length < count) {
      if (Date.now() - started > timeout) throw new Error(`${matching().length} of ${count} "${subject}" about "${about}" after ${timeout} ms`)
      await pause(50)
    }
    await pause(GRACE_MS)
    return matching()
  }

  /** The messages with this subject that mention `about`, after long enough for a stray one to have arrived. */
  async settled({ subject, about }: { subject: string; about: string }, wait = 1_000): Promise<Received[]> {
    await pause(wait)
    return this.messages.filter((message) => message.subject === subject && message.text.includes(about))
  }
}

export type PayloadWithInbox = { payload: Payload; rest: typeof Rest.rest; fixtures: typeof Fixtures }

/**
 * Starts `inbox`, points SMTP_HOST/SMTP_PORT/EMAIL_FROM at it, and only then loads Payload and the
 * helpers that import its config, so that the config (which reads the environment once) sends here.
 */
export async function loadPayloadWithInbox(inbox: Inbox): Promise<PayloadWithInbox> {
  const port = await inbox.start()
  Object.assign(process.env, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), EMAIL_FROM: 'Byline Newsroom <newsroom@example.com>' })
  const { getTestPayload } = await import('./payload')
  const fixtures = await import('./fixtures')
  const { rest } = await import('./rest')
  return { payload: await getTestPayload(), rest, fixtures }
}
