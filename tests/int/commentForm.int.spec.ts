import type { Payload } from 'payload'

import { NextRequest } from 'next/server'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { issueFormToken } from '@/comments/spam'

import type { Newsroom } from '../helpers/fixtures'

import { cleanupNewsroom, seedNewsroom, uniqueTag } from '../helpers/fixtures'
import { closeDatabaseConnection } from '../helpers/belowPayload'
import { getTestPayload } from '../helpers/payload'

// src/lib modules guard against client bundles with `server-only`, which throws outside Next's server build.
vi.mock('server-only', () => ({}))

const { POST } = await import('../../app/(site)/comments/route')

const system = { overrideAccess: true, context: { disableRevalidate: true }, depth: 0 } as const
const SITE = 'http://localhost:3000'

let ipCounter = 0
/** A fresh reader each time, so flood control only fires where a test means it to. */
const sender = () => ({ 'x-forwarded-for': `203.0.113.${++ipCounter}`, 'user-agent': 'vitest-reader' })

type Answer = { status: number; headers: Headers; text: string }

async function send(init: { body?: BodyInit; headers?: Record<string, string> }): Promise<Answer> {
  const request = new NextRequest(`${SITE}/comments`, { method: 'POST', body: init.body, headers: { ...sender(), ...init.headers } })
  const response = await POST(request)
  return { status: response.status, headers: response.headers, text: await response.text() }
}

/** Text as the form page shows it inside a textarea or an attribute. */
const escaped = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

describe('Comment form (no JavaScript)', () => {
  let payload: Payload
  let newsroom: Newsroom
  let articlePath: string

  beforeAll(async () => {
    payload = await getTestPayload()
    newsroom = await seedNewsroom(payload)
    articlePath = `/cat-${newsroom.tag}/${newsroom.published.slug}`
  })

  afterAll(async () => {
    await cleanupNewsroom(payload, newsroom)
  })

  /** The article form as a reader's browser posts it, rendered `shownSecondsAgo` before. */
  const form = (fields: Record<string, string>, { shownSecondsAgo = 10 } = {}) => {
    const data = new FormData()
    const values = {
      body: `A thought ${uniqueTag()}`,
      authorName: 'Reader',
      authorEmail: `${uniqueTag()}@example.net`,
      authorUrl: '',
      phone: '',
      issued: issueFormToken({ now: new Date(Date.now() - shownSecondsAgo * 1000), secret: payload.secret }),
      article: newsroom.published.id,
      return: articlePath,
      ...fields,
    }
    for (const [name, value] of Object.entries(values)) data.set(name, value)
    return data
  }

  const stored = async (body: string) =>
    (await payload.find({ ...system, collection: 'comments', where: { body: { equals: body } }, pagination: false })).docs

  it('posts a comment and sends the reader to it', async () => {
    const body = `Posted ${uniqueTag()}`
    const answer = await send({ body: form({ body }), headers: { origin: SITE, 'sec-fetch-site': 'same-origin' } })
    const [comment] = await stored(body)
    expect(answer.status).toBe(303)
    expect(answer.headers.get('location')).toBe(`${articlePath}#comment-${comment?.id}`)
    expect(answer.headers.get('set-cookie')).not.toContain('byline_comment_flash')
  })

  it.each([
    ['a JSON body', { 'content-type': 'application/json' }, '{"body":"x"}'],
    ['no content type', {}, 'body=x'],
    ['a malformed multipart body', { 'content-type': 'multipart/form-data; boundary=zzz' }, '--zzz\r\nContent-Disposition: form-data; name="body"\r\n\r\nunfinished'],
  ])('answers %s with 400 and a message', async (_, headers, raw) => {
    const answer = await send({ body: raw, headers })
    expect(answer.status).toBe(400)
    expect(answer.headers.get('content-type')).toContain('text/html')
    expect(answer.text).toMatch(/role="alert">[^<]*(form data|comment form)/)
  })

  it.each([
    ['another site’s Origin', { origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
  ])('refuses a post from %s with 403 and stores nothing', async (_, headers) => {
    const body = `Forged ${uniqueTag()}`
    const answer = await send({ body: form({ body }), headers })
    expect(answer.status).toBe(403)
    expect(answer.text).toContain('sent from another site')
    expect(await stored(body)).toHaveLength(0)
  })

  it('accepts a post whose Origin is the request’s own host (the site behind another name)', async () => {
    const body = `Own host ${uniqueTag()}`
    const answer = await send({ body: form({ body }), headers: { origin: 'http://news.internal:8080', host: 'news.internal:8080' } })
    expect(answer.status).toBe(303)
    expect(await stored(body)).toHaveLength(1)
  })

  it('answers a refused comment with the form: the reason, the field’s message and 5,000 characters of CJK and emoji kept', async () => {
    const body = `${'漢字かな'.repeat(1000)}${'😀'.repeat(500)} <b>${uniqueTag()}</b>`
    const data = form({ body, authorName: '' }, { shownSecondsAgo: 4 })
    const answer = await send({ body: data })
    expect(answer.status).toBe(400)
    expect(answer.headers.get('set-cookie')).toBeNull()
    expect(answer.text).toContain(`rows="12">${escaped(body)}</textarea>`)
    expect(answer.text).toContain('aria-describedby="author-error"')
    expect(answer.text).toContain('<span class="comment-form__error" id="author-error">Please enter your name here</span>')
    expect(answer.text).toContain(`name="issued" value="${data.get('issued')}"`)
    expect(answer.text).toContain(`href="${articlePath}#respond"`)
  })

  it('gives back a comment over the length limit whole, with the "too long" message', async () => {
    const body = `${'x'.repeat(6000)} ${uniqueTag()}`
    const answer = await send({ body: form({ body }) })
    expect(answer.status).toBe(400)
    expect(answer.text).toContain('Your comment can be at most 5,000 characters long.')
    expect(answer.text).toContain(`>${body}</textarea>`)
  })

  it('accepts a correction sent at once after the refusal, as a person, not spam: the form keeps its first time', async () => {
    const body = `Corrected quickly ${uniqueTag()}`
    const refused = await send({ body: form({ body, authorName: '' }, { shownSecondsAgo: 4 }) })
    expect(refused.status).toBe(400)
    // The reader types the name and presses Enter on the page they got back, well within 3 seconds.
    const issued = /name="issued" value="([^"]+)"/.exec(refused.text)?.[1] ?? ''
    const answer = await send({ body: form({ body, authorName: 'Quick Fixer', issued }) })
    expect(answer.status).toBe(303)
    const [comment] = await stored(body)
    expect([comment?.status, comment?.spamReason ?? null]).toEqual(['pending', 'held: every comment is held'])
  })

  it('records why a form sent too fast was filed as spam', async () => {
    const body = `Too fast ${uniqueTag()}`
    expect((await send({ body: form({ body }, { shownSecondsAgo: 1 }) })).status).toBe(303)
    const [comment] = await stored(body)
    expect(comment?.status).toBe('spam')
    expect(comment?.spamReason).toMatch(/^submitted 1\.\d+s after the form was shown$/)
  })

  it('answers the page’s script with JSON and the right status: 400 per field, 429 with Retry-After', async () => {
    const json = { accept: 'application/json' }
    const invalid = await send({ body: form({ authorEmail: 'nope' }), headers: json })
    expect(invalid.status).toBe(400)
    expect(JSON.parse(invalid.text)).toMatchObject({ ok: false, errors: { authorEmail: 'You have entered an incorrect email address!' } })

    const headers = { ...json, ...sender() }
    expect((await send({ body: form({}), headers })).status).toBe(201)
    const flood = await send({ body: form({}), headers })
    expect(flood.status).toBe(429)
    expect(Number(flood.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('keeps the reader’s text and says to try again in a moment (503, Retry-After) while the database is down', async () => {
    const body = `Written during an outage ${uniqueTag()}`
    const answers = await withDatabaseDown(payload, async () => [
      await send({ body: form({ body }) }),
      await send({ body: form({ body }), headers: { accept: 'application/json' } }),
    ])
    const [page, json] = answers
    expect([page?.status, json?.status]).toEqual([503, 503])
    expect(page?.headers.get('retry-after')).toBe('10')
    expect(page?.text).toContain('try again in a moment')
    expect(page?.text).toContain(`>${body}</textarea>`)
    expect(JSON.parse(json?.text ?? '{}').message).toMatch(/try again in a moment/)
    // And nothing was half-saved.
    expect(await stored(body)).toHaveLength(0)
  })
})

/**
 * Closes the real database connection for the time of `run`, as an outage would, then opens it
 * again: SQLite's client or PostgreSQL's pool, whichever the run uses.
 */
async function withDatabaseDown<T>(payload: Payload, run: () => Promise<T>): Promise<T> {
  const reopen = closeDatabaseConnection(payload)
  try {
    return await run()
  } finally {
    await reopen()
  }
}
