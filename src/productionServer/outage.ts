import type { OutgoingHttpHeaders } from 'node:http'

import type { DatabaseProbe } from '../db/probe'

import { BASE_SECURITY_HEADERS, READER_PAGE_CSP } from './securityHeaders'
import { escapeHtml } from '@/lib/escapeHtml'
import { SITE_NAME } from '@/lib/siteName'

/**
 * What readers and API clients get while the database is unreachable: 503 with Retry-After, a
 * designed page or a JSON message, instead of Next's blank 500. Cached pages keep being served
 * from memory and the page store meanwhile; this is for everything that needs the database.
 */

/** Long enough for a database restart, short enough that a reader's retry finds it back. */
export const RETRY_AFTER_SECONDS = 30

/** How long one probe's verdict stands: a burst of failing requests probes once. */
const VERDICT_MS = 2_000
/** A database that takes longer than this to answer is down for readers, who will not wait either. */
const PROBE_TIMEOUT_MS = 3_000

const messages = {
  apiDown: 'The database is unreachable, so nothing was read or saved. Please try again in a moment.',
  logDown: (reason: string) => `Database unreachable (${reason.split('\n', 1)[0]?.slice(0, 300)}); answering 503 until it is back`,
  logUp: 'Database reachable again',
  timedOut: `no answer within ${PROBE_TIMEOUT_MS / 1000} s`,
}

type Log = { error: (line: string) => void; info: (line: string) => void }

/**
 * Asks the application's database probe (src/db/probe.ts), at most once per VERDICT_MS, and logs
 * each change between up and down once. Without a probe (the application has not booted) nothing
 * can be said, and a failure stays a 500.
 */
export class DatabaseWatch {
  private verdict: { at: number; down: Promise<boolean> } | null = null
  private wasDown = false

  constructor(
    private readonly probe: () => DatabaseProbe | null,
    private readonly log: Log = { error: (line) => console.error(line), info: (line) => console.log(line) },
  ) {}

  isDown(): Promise<boolean> {
    const now = Date.now()
    if (this.verdict && now - this.verdict.at < VERDICT_MS) return this.verdict.down
    const down = this.ask()
    this.verdict = { at: now, down }
    return down
  }

  private async ask(): Promise<boolean> {
    const probe = this.probe()
    if (!probe) return false
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<{ up: false; reason: string }>((resolve) => {
      timer = setTimeout(() => resolve({ up: false, reason: messages.timedOut }), PROBE_TIMEOUT_MS)
    })
    const result = await Promise.race([probe(), timeout])
    clearTimeout(timer)
    if (!result.up && !this.wasDown) this.log.error(messages.logDown(result.reason))
    if (result.up && this.wasDown) this.log.info(messages.logUp)
    this.wasDown = !result.up
    return !result.up
  }
}

const common: OutgoingHttpHeaders = { ...BASE_SECURITY_HEADERS, 'retry-after': String(RETRY_AFTER_SECONDS), 'cache-control': 'no-store', 'x-byline-outage': 'database' }

/** The answer to an API call (or any request that is not a page) while the database is down. */
export function outageJson(): { status: number; headers: OutgoingHttpHeaders; body: Buffer } {
  return {
    status: 503,
    headers: { ...common, 'content-type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify({ errors: [{ message: messages.apiDown }] })),
  }
}

/**
 * The designed page readers see while the database is down. It cannot be rendered by Next (the
 * site's layout reads the sections from the database), so it is written here, in the site's
 * colours and type, light and dark, with nothing to load.
 */
const name = escapeHtml(SITE_NAME)
const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Back in a moment · ${name}</title>
<style>
:root { color-scheme: light dark; --text: #1a1a1a; --muted: #545454; --bg: #fff; --border: #d9d6d0; --accent: #0b57d0; --kicker: #a3211b; }
@media (prefers-color-scheme: dark) { :root { --text: #ececec; --muted: #b5b5b5; --bg: #121212; --border: #3a3a3a; --accent: #8ab4f8; --kicker: #f2a39d; } }
body { margin: 0; color: var(--text); background: var(--bg); line-height: 1.6; font: 1.0625rem/1.6 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
header { border-bottom: 1px solid var(--border); padding: 0.75rem 1rem; }
header a { color: var(--text); font-weight: 800; font-size: 1.5rem; letter-spacing: -0.02em; text-decoration: none; }
main { max-width: 42rem; margin: 0 auto; padding: 3rem 1rem 4rem; }
p.kicker { color: var(--kicker); font-weight: 700; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; margin: 0; }
h1 { font-family: Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif; font-size: 2.25rem; line-height: 1.15; margin: 0.25rem 0 1rem; }
p { color: var(--muted); }
a { color: var(--accent); }
</style>
</head>
<body>
<header><a href="/">${name}</a></header>
<main>
<p class="kicker">Service interruption</p>
<h1>We’ll be back in a moment</h1>
<p>${name} can’t reach its database just now, so this page can’t be shown. Please try again in a minute; this page will reload on its own.</p>
<p><a href="">Try again</a> · <a href="/">Front page</a></p>
</main>
</body>
</html>
`

export function outagePage(): { status: number; headers: OutgoingHttpHeaders; body: Buffer } {
  return {
    status: 503,
    // Refresh: the page cannot run a script (its CSP allows only ours), and readers should not have to.
    headers: { ...common, 'content-type': 'text/html; charset=utf-8', 'content-security-policy': READER_PAGE_CSP, refresh: String(RETRY_AFTER_SECONDS) },
    body: Buffer.from(PAGE),
  }
}
