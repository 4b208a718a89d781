import fs from 'node:fs'
import path from 'node:path'

import { get } from './servers'
import { median } from './wrk'

export type Staff = { url: string; headers: Record<string, string> }
export type Freshness = { p50_ms: number; p95_ms: number; tries: number[] }

const POLL_MS = 20
const GIVE_UP_MS = 30_000

const messages = {
  noAccount: (role: string, file: string) => `No ${role} account in ${file}: the bench reads the demo seed's accounts from there.`,
  refused: (what: string, status: number, body: string) => `${what}: HTTP ${status} ${body.slice(0, 300)}`,
  notHeld: (status: string) => `A new reader's comment came back "${status}", not held: the freshness bench needs the demo's "hold every comment" setting.`,
  neverSeen: (what: string, url: string) => `${what}: not on ${url} after ${GIVE_UP_MS / 1000}s`,
  noAnswer: (what: string, url: string, error: unknown) =>
    `${what}: ${url} did not answer (${error instanceof Error ? `${error.message}${error.cause instanceof Error ? `: ${error.cause.message}` : ''}` : String(error)})`,
}

/** fetch, with what the bench was doing in the error when the server does not answer at all. */
/**
 * One more try when the connection fails: the first request after minutes of wrk may go out on a
 * keep-alive connection the server is closing (write EPIPE). Every call here is idempotent: a
 * log-in, or setting a status to the value it is being set to.
 */
async function request(url: string, init: RequestInit, what: string) {
  try {
    return await fetch(url, init)
  } catch {
    try {
      return await fetch(url, init)
    } catch (error) {
      throw new Error(messages.noAnswer(what, url, error))
    }
  }
}

/** Logs in as a seeded staff account (DATA_DIR/demo-credentials.txt: "<roles> <email> <password>" lines). */
export async function logIn({ url, dataDir, role }: { url: string; dataDir: string; role: string }): Promise<Staff> {
  const file = path.join(dataDir, 'demo-credentials.txt')
  const line = fs.readFileSync(file, 'utf8').split('\n').find((l) => l.split(/\s+/)[0] === role)
  const [, email, password] = line?.trim().split(/\s+/) ?? []
  if (!email || !password) throw new Error(messages.noAccount(role, file))
  const { token } = (await call({ url: `${url}/api/users/login`, method: 'POST', body: { email, password }, what: `log in as ${role}` })) as { token: string }
  return { url, headers: { Authorization: `JWT ${token}` } }
}

async function call({ url, method = 'GET', body, headers = {}, what }: { url: string; method?: string; body?: unknown; headers?: Record<string, string>; what: string }) {
  const response = await request(
    url,
    {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    },
    what,
  )
  const text = await response.text()
  if (!response.ok) throw new Error(messages.refused(what, response.status, text))
  return JSON.parse(text) as unknown
}

/** Milliseconds from `since` until the page at `url` contains `text`, polling every 20 ms. */
async function untilVisible({ url, text, since, what }: { url: string; text: string; since: number; what: string }): Promise<number> {
  while (performance.now() - since < GIVE_UP_MS) {
    const html = await (await get(url)).text()
    if (html.includes(text)) return performance.now() - since
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  throw new Error(messages.neverSeen(what, url))
}

const summarize = (tries: number[]): Freshness => {
  const sorted = [...tries].sort((a, b) => a - b)
  return { p50_ms: median(tries), p95_ms: sorted[Math.ceil(sorted.length * 0.95) - 1] ?? NaN, tries }
}

/**
 * A reader's comment is held; a moderator approves it over REST; the clock runs from the approve
 * request until the article's HTML, fetched through `readerUrl` (the app, or the front cache),
 * shows it.
 */
export async function approveToVisible({ moderator, readerUrl, article, tries, tag }: { moderator: Staff; readerUrl: string; article: { id: string; path: string }; tries: number; tag: string }) {
  // Replies to the oldest comment: they show under it on the article page itself, however many
  // comments later runs add (a new top-level comment would move to the last comment page).
  const oldest = (await call({
    url: `${moderator.url}/api/comments?where[article][equals]=${article.id}&where[status][equals]=approved&where[parent][exists]=false&sort=createdAt&limit=1&depth=0`,
    headers: moderator.headers,
    what: 'find the oldest comment',
  })) as { docs: { id: string }[] }
  const parent = oldest.docs[0]?.id
  const times: number[] = []
  for (let i = 0; i < tries; i += 1) {
    const marker = `freshness${tag}n${i}`
    const { doc } = (await call({
      url: `${moderator.url}/api/comments`,
      method: 'POST',
      // A reader of their own (an IPv6 /64 counts as one sender): the flood rule allows one comment per address and email.
      headers: { 'X-Forwarded-For': `2001:db8:${tag}:${(0xf000 + i).toString(16)}::1` },
      body: { article: article.id, parent, authorName: 'Freshness check', authorEmail: `${marker}@bench.example`, body: `Checking how soon ${marker} shows up.` },
      what: 'post a reader comment',
    })) as { doc: { id: string; status: string } }
    if (doc.status !== 'pending') throw new Error(messages.notHeld(doc.status))
    const since = performance.now()
    await call({ url: `${moderator.url}/api/comments/${doc.id}`, method: 'PATCH', headers: moderator.headers, body: { status: 'approved' }, what: 'approve the comment' })
    times.push(await untilVisible({ url: `${readerUrl}${article.path}`, text: marker, since, what: 'the approved comment' }))
  }
  return summarize(times)
}

/** An editor publishes a draft over REST; the clock runs from the publish request until the home page lists it. */
export async function publishToHome({ editor, readerUrl, category, tries, tag }: { editor: Staff; readerUrl: string; category: string; tries: number; tag: string }) {
  const find = async (collection: string, where: string) =>
    ((await call({ url: `${editor.url}/api/${collection}?${where}&limit=1&depth=0`, headers: editor.headers, what: `find ${collection}` })) as { docs: { id: string }[] }).docs[0]?.id
  const categoryId = await find('categories', `where[slug][equals]=${category}`)
  const authorId = await find('authors', 'sort=name')
  const times: number[] = []
  for (let i = 0; i < tries; i += 1) {
    const title = `Freshness check ${tag} number ${i}`
    const { doc } = (await call({
      url: `${editor.url}/api/articles`,
      method: 'POST',
      headers: editor.headers,
      body: { title, slug: `freshness-check-${tag}-${i}`, category: categoryId, authors: [authorId], _status: 'draft' },
      what: 'create a draft article',
    })) as { doc: { id: string } }
    const since = performance.now()
    await call({
      url: `${editor.url}/api/articles/${doc.id}`,
      method: 'PATCH',
      headers: editor.headers,
      body: { _status: 'published', publishedAt: new Date().toISOString() },
      what: 'publish the article',
    })
    times.push(await untilVisible({ url: `${readerUrl}/`, text: title, since, what: 'the published article' }))
  }
  return summarize(times)
}
