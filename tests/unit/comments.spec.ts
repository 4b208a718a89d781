import { APIError, ValidationError } from 'payload'
import { describe, expect, it } from 'vitest'

import type { ArticleFacts, ParentFacts, Submission, SubmissionDeps } from '@/comments/submit'

import { countLinks, decideStatus } from '@/comments/policy'
import { DEFAULT_SETTINGS, toSettings } from '@/comments/settings'
import { botReason, floodWait, issueFormToken, readFormToken } from '@/comments/spam'
import { formPageHtml } from '@/comments/formPage'
import { isSameSite } from '@/comments/origin'
import { checkSubmission, FloodError, isClosed, messages, PENDING_LIMITS, PendingLimitError } from '@/comments/submit'
import { checkShape, cleanText, shapeMessages, validateComment } from '@/comments/validate'

const SECRET = 'a'.repeat(64)
const NOW = new Date('2026-06-01T12:00:00Z')
const seconds = (n: number) => new Date(NOW.getTime() - n * 1000)
const days = (n: number) => seconds(n * 86_400)

const input = { body: 'Lovely piece.', authorName: 'Ada', authorEmail: 'ada@example.net', authorUrl: '' }
const clean = { body: 'Lovely piece.', authorName: 'Ada', authorEmail: 'ada@example.net', authorUrl: null }

describe('Comments', () => {
  describe('validate', () => {
    it('accepts a complete comment and trims it', () => {
      const result = validateComment({ ...input, authorName: '  Ada ', authorEmail: 'Ada@Example.net' })
      expect(result).toEqual({ ok: true, value: { ...clean, authorEmail: 'ada@example.net' } })
    })

    it('reports every missing field with the reference page’s messages', () => {
      expect(validateComment({})).toEqual({
        ok: false,
        errors: {
          body: 'Please enter your comment!',
          authorName: 'Please enter your name here',
          authorEmail: 'You have entered an incorrect email address!',
        },
      })
    })

    it.each([
      ['body', 'x'.repeat(5001), 'Your comment can be at most 5,000 characters long.'],
      ['authorName', 'x'.repeat(101), 'Your name can be at most 100 characters long.'],
      ['authorEmail', `${'x'.repeat(250)}@e.co`, 'Your email address can be at most 254 characters long.'],
      ['authorUrl', `https://e.co/${'x'.repeat(200)}`, 'Your website address can be at most 200 characters long.'],
      ['authorEmail', 'not-an-email', 'You have entered an incorrect email address!'],
      ['authorUrl', 'javascript:alert(1)', 'Please enter a website address starting with https:// or http://.'],
      ['authorUrl', 'ftp://example.net', 'Please enter a website address starting with https:// or http://.'],
    ])('refuses %s %#', (field, value, message) => {
      expect(validateComment({ ...input, [field]: value })).toEqual({ ok: false, errors: { [field]: message } })
    })

    it('accepts the limits exactly', () => {
      expect(validateComment({ ...input, body: 'x'.repeat(5000), authorName: 'x'.repeat(100) }).ok).toBe(true)
    })

    it('strips control characters and lone surrogates, keeping line breaks, tabs and emoji', () => {
      expect(cleanText('a\u0000b\u0007c\u001Bd\u007F e\tf\r\ng')).toBe('abcd e\tf\r\ng')
      expect(cleanText('x\uD800y\uDC00z\u0085 😀 漢字')).toBe('xyz 😀 漢字')
      const result = validateComment({ ...input, authorName: '\u0000Ada\u0008', body: 'Hi\uDFFF there' })
      expect(result).toEqual({ ok: true, value: { ...clean, body: 'Hi there' } })
    })

    it('refuses a name made only of control characters as missing', () => {
      expect(validateComment({ ...input, authorName: '\u0001\u0002' })).toEqual({ ok: false, errors: { authorName: 'Please enter your name here' } })
    })
  })

  describe('shape', () => {
    it.each([42, null, 'x', [], true])('refuses %j as a comment', (data) => {
      expect(checkShape(data)).toEqual({ ok: false, message: shapeMessages.notAnObject, errors: {} })
    })

    it.each([
      ['authorUrl', []],
      ['body', { $ne: null }],
      ['authorName', 7],
      ['parent', true],
      ['article', { id: 'a1', $ne: null }],
      ['article', 'a1 OR 1=1'],
      ['notifyOnReply', 'yes'],
    ])('refuses %s as %j rather than coercing it', (field, value) => {
      const result = checkShape({ ...input, article: 'a1', [field]: value })
      expect(result.ok).toBe(false)
      expect(result.ok ? null : Object.keys(result.errors)).toEqual([field])
    })

    it('accepts text, ids as text or numbers, booleans, and fields left out or null', () => {
      expect(checkShape({ ...input, article: 'a1', parent: null, authorUrl: null, notifyOnReply: true })).toEqual({ ok: true })
      expect(checkShape({ body: 'x', article: 12 })).toEqual({ ok: true })
    })
  })

  describe('policy', () => {
    const decide = (overrides: Partial<typeof DEFAULT_SETTINGS> = {}, knownCommenter = false, comment = clean) =>
      decideStatus({ input: comment, settings: { ...DEFAULT_SETTINGS, ...overrides }, knownCommenter })

    it('holds a comment by default', () => expect(decide().status).toBe('pending'))
    it('approves a known commenter by default', () => expect(decide({}, true).status).toBe('approved'))
    it('holds a known commenter whose comment has a link', () => {
      expect(decide({}, true, { ...clean, body: 'Read this: https://phish.example/login' })).toEqual({
        status: 'pending',
        reason: 'known commenter, but the comment has a link',
      })
    })
    it('holds a known commenter when auto-approval is off', () => expect(decide({ approveKnownCommenters: false }, true).status).toBe('pending'))
    it('approves when nothing is held', () => expect(decide({ holdAll: false }).status).toBe('approved'))

    it('holds a comment with three links for moderation, even from a known commenter', () => {
      const body = 'See https://a.example and http://b.example and www.c.example'
      expect(countLinks(body)).toBe(3)
      expect(decide({ holdAll: false }, true, { ...clean, body }).status).toBe('pending')
      expect(decide({ holdAll: false }, true, { ...clean, body: 'https://a.example https://b.example' }).status).toBe('approved')
    })

    it.each(['body', 'authorName', 'authorEmail', 'authorUrl'] as const)('holds a moderation word found in %s', (field) => {
      const comment = { ...clean, [field]: field === 'authorUrl' ? 'https://casino.example' : `${clean[field]} Casino` }
      expect(decide({ holdAll: false, moderationWords: ['casino'] }, true, comment)).toEqual({ status: 'pending', reason: 'moderation word "casino"' })
    })

    it('marks a blocked word as spam, over everything else', () => {
      const comment = { ...clean, authorName: 'Cheap PILLS' }
      expect(decide({ holdAll: false, blockedWords: ['pills'], moderationWords: ['cheap'] }, true, comment).status).toBe('spam')
    })

    it('reads the stored global, with defaults for what is unset', () => {
      expect(toSettings(null)).toEqual(DEFAULT_SETTINGS)
      const settings = toSettings({ holdAll: false, moderationWords: ' Casino \n\n loans ', closeAfterDaysEnabled: true, closeAfterDays: 7 })
      expect(settings).toMatchObject({ holdAll: false, moderationWords: ['casino', 'loans'], closeAfterDays: 7, threadDepth: 3 })
      expect(toSettings({ closeAfterDaysEnabled: false, closeAfterDays: 7 }).closeAfterDays).toBeNull()
    })
  })

  describe('spam checks', () => {
    it('round-trips a signed form timestamp and refuses a forged one', () => {
      const token = issueFormToken({ now: NOW, secret: SECRET })
      expect(readFormToken({ token, secret: SECRET })).toEqual(NOW)
      expect(readFormToken({ token, secret: 'b'.repeat(64) })).toBeNull()
      expect(readFormToken({ token: `${NOW.getTime() - 60_000}.${token.split('.')[1]}`, secret: SECRET })).toBeNull()
    })

    it.each([
      ['a filled honeypot', { honeypot: '555-1234' }, NOW, 'honeypot filled in'],
      ['a form sent within 3 seconds', { issuedAt: issueFormToken({ now: seconds(1), secret: SECRET }) }, NOW, /submitted 1\.0s/],
      ['a forged timestamp', { issuedAt: '123.abc' }, NOW, 'form timestamp not signed by this site'],
    ])('treats %s as a bot', (_, signals, now, reason) => {
      expect(botReason({ signals, now, secret: SECRET })).toMatch(reason)
    })

    it('lets people through: an empty honeypot and a form shown 10 seconds ago, or an API client with neither', () => {
      expect(botReason({ signals: { honeypot: '', issuedAt: issueFormToken({ now: seconds(10), secret: SECRET }) }, now: NOW, secret: SECRET })).toBeNull()
      expect(botReason({ signals: {}, now: NOW, secret: SECRET })).toBeNull()
    })

    it('makes a sender wait out the 15-second flood window', () => {
      expect(floodWait({ last: null, now: NOW })).toBe(0)
      expect(floodWait({ last: seconds(4), now: NOW })).toBe(11)
      expect(floodWait({ last: seconds(14.5), now: NOW })).toBe(1)
      expect(floodWait({ last: seconds(15), now: NOW })).toBe(0)
    })
  })

  describe('submit', () => {
    const article: ArticleFacts = { id: 'a1', published: true, commentsOpen: true, publishedAt: days(2) }
    const approvedParent = (depth: number): ParentFacts => ({ id: 'c1', articleId: 'a1', status: 'approved', depth })

    const deps = (overrides: Partial<SubmissionDeps> & { stored?: Partial<typeof DEFAULT_SETTINGS> } = {}): SubmissionDeps => ({
      settings: async () => ({ ...DEFAULT_SETTINGS, ...overrides.stored }),
      article: async (id) => (id === article.id ? article : null),
      parent: async () => null,
      lastCommentAt: async () => null,
      hasDuplicate: async () => false,
      hasApprovedComment: async () => false,
      pendingCounts: async () => ({ sender: 0, article: 0 }),
      ...overrides,
    })

    const submit = (extra: Partial<Submission> & { fields?: Record<string, unknown> } = {}, d = deps()) =>
      checkSubmission(
        {
          input: { ...input, article: 'a1', ...extra.fields },
          signals: extra.signals ?? {},
          sender: extra.sender ?? { ipHash: 'hash', staff: false },
          now: NOW,
          secret: SECRET,
        },
        d,
      )

    const rejection = async (promise: Promise<unknown>) => {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(APIError)
      return error as APIError & { data?: { errors?: { path: string; message: string }[] } }
    }

    it('holds a new comment and keeps the cleaned fields', async () => {
      await expect(submit()).resolves.toEqual({
        value: { ...clean, article: 'a1', parent: null },
        decision: { status: 'pending', reason: 'every comment is held' },
      })
    })

    it('approves a commenter with an approved comment under the same name, email and website', async () => {
      const asked: unknown[] = []
      const known = deps({
        hasApprovedComment: async (commenter) => {
          asked.push(commenter)
          return commenter.email === 'ada@example.net' && commenter.name === 'Ada' && commenter.url === null
        },
      })
      expect((await submit({}, known)).decision.status).toBe('approved')
      expect((await submit({ fields: { authorName: 'Support Team' } }, known)).decision.status).toBe('pending')
      expect(asked).toEqual([
        { email: 'ada@example.net', name: 'Ada', url: null },
        { email: 'ada@example.net', name: 'Support Team', url: null },
      ])
    })

    it.each([
      ['from this sender', { sender: PENDING_LIMITS.perClient, article: 0 }, messages.tooManyPendingFromYou],
      ['on this article', { sender: 0, article: PENDING_LIMITS.perArticle }, messages.tooManyPendingOnArticle],
    ])('refuses a comment to hold when too many wait %s (429)', async (_, counts, message) => {
      const error = await rejection(submit({}, deps({ pendingCounts: async () => counts })))
      expect(error).toBeInstanceOf(PendingLimitError)
      expect([error.status, error.message]).toEqual([429, message])
    })

    it('lets a comment through below the caps, one that is published at once, and staff', async () => {
      const below = deps({ pendingCounts: async () => ({ sender: PENDING_LIMITS.perClient - 1, article: PENDING_LIMITS.perArticle - 1 }) })
      expect((await submit({}, below)).decision.status).toBe('pending')
      const full = { pendingCounts: async () => ({ sender: 99, article: 999 }) }
      expect((await submit({}, deps({ ...full, stored: { holdAll: false } }))).decision.status).toBe('approved')
      expect((await submit({ sender: { ipHash: 'hash', staff: true } }, deps(full))).decision.status).toBe('pending')
    })

    it('refuses bad input with a message per field (400)', async () => {
      const error = await rejection(submit({ fields: { body: ' ', authorName: '' } }))
      expect(error).toBeInstanceOf(ValidationError)
      expect(error.status).toBe(400)
      expect(error.data?.errors).toEqual([
        { path: 'body', message: 'Please enter your comment!' },
        { path: 'authorName', message: 'Please enter your name here' },
      ])
    })

    it('refuses an unknown or unpublished article', async () => {
      expect((await rejection(submit({ fields: { article: 'nope' } }))).status).toBe(400)
      const draft = deps({ article: async () => ({ ...article, published: false }) })
      expect((await rejection(submit({}, draft))).status).toBe(400)
    })

    it('says comments are closed when the article closed them (403)', async () => {
      const closed = deps({ article: async () => ({ ...article, commentsOpen: false }) })
      const error = await rejection(submit({}, closed))
      expect([error.status, error.message]).toEqual([403, 'Comments are closed.'])
    })

    it('closes comments N days after publication only when that setting is on', () => {
      const settings = { ...DEFAULT_SETTINGS, closeAfterDays: 14 }
      expect(isClosed({ article: { ...article, publishedAt: days(15) }, settings, now: NOW })).toBe(true)
      expect(isClosed({ article: { ...article, publishedAt: days(13) }, settings, now: NOW })).toBe(false)
      expect(isClosed({ article: { ...article, publishedAt: days(400) }, settings: DEFAULT_SETTINGS, now: NOW })).toBe(false)
    })

    it('accepts a reply to an approved comment within the thread depth', async () => {
      const result = await submit({ fields: { parent: 'c1' } }, deps({ parent: async () => approvedParent(2) }))
      expect(result.value.parent).toBe('c1')
    })

    it.each([
      ['a held comment', { ...approvedParent(1), status: 'pending' as const }, messages.parentInvalid],
      ['a comment on another article', { ...approvedParent(1), articleId: 'a2' }, messages.parentInvalid],
      ['a comment already at the thread depth', approvedParent(3), messages.tooDeep],
    ])('refuses a reply to %s', async (_, parent, message) => {
      const error = await rejection(submit({ fields: { parent: 'c1' } }, deps({ parent: async () => parent })))
      expect(error.data?.errors).toEqual([{ path: 'parent', message }])
    })

    it('refuses a second comment within 15 seconds with the wait (429)', async () => {
      const error = await rejection(submit({}, deps({ lastCommentAt: async () => seconds(5) })))
      expect(error).toBeInstanceOf(FloodError)
      expect([error.status, (error as FloodError).retryAfter]).toEqual([429, 10])
    })

    it('lets staff post again at once', async () => {
      const result = await submit({ sender: { ipHash: 'hash', staff: true } }, deps({ lastCommentAt: async () => seconds(5) }))
      expect(result.decision.status).toBe('pending')
    })

    it('refuses the same body on the same article (409)', async () => {
      const error = await rejection(submit({}, deps({ hasDuplicate: async ({ articleId, body }) => articleId === 'a1' && body === clean.body })))
      expect([error.status, error.message]).toEqual([409, messages.duplicate])
    })

    it('marks a bot as spam without telling it so', async () => {
      const result = await submit({ signals: { honeypot: 'http://spam.example' } })
      expect(result.decision).toEqual({ status: 'spam', reason: 'honeypot filled in' })
    })
  })
})

describe('Comment form origin', () => {
  const site = 'https://news.example'
  it.each([
    ['the site’s own origin', { origin: site, fetchSite: 'same-origin' }, true],
    ['the request’s own host (another name for the site)', { origin: 'http://localhost:8080', fetchSite: null }, true],
    ['no Origin and no Sec-Fetch-Site (curl, old browsers)', { origin: null, fetchSite: null }, true],
    ['a form typed into the address bar', { origin: null, fetchSite: 'none' }, true],
    ['another site', { origin: 'https://evil.example', fetchSite: 'cross-site' }, false],
    ['another site’s Origin alone', { origin: 'https://evil.example', fetchSite: null }, false],
    ['Sec-Fetch-Site cross-site alone', { origin: null, fetchSite: 'cross-site' }, false],
    ['a sibling subdomain', { origin: 'https://blog.news.example', fetchSite: 'same-site' }, false],
    ['a sandboxed frame (Origin: null)', { origin: 'null', fetchSite: null }, false],
  ])('%s', (_, headers, expected) => {
    expect(isSameSite({ ...headers, host: 'localhost:8080', siteOrigin: site })).toBe(expected)
  })
})

describe('Refused comment form page', () => {
  const token = issueFormToken({ now: seconds(2), secret: SECRET })
  const sent = {
    body: `${'長い'.repeat(2000)} 😀 </textarea><script>alert(1)</script>`,
    authorName: '"><img src=x onerror=alert(1)>',
    authorEmail: 'ada@example.net',
    authorUrl: '',
    notifyOnReply: true,
    remember: false,
    article: 'a1',
    parent: 'c9',
    issued: token,
  }
  const html = formPageHtml({ status: 400, message: 'Please check <the> fields.', errors: { authorName: 'Please enter your name here' }, sent, articlePath: '/news/a-story' })

  it('gives back everything the reader typed, escaped, however long', () => {
    expect(html).toContain(`${'長い'.repeat(2000)} 😀 &lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>`)
    expect(html).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
  })

  it('carries the original signed form time, the article, the reply and the ticked boxes', () => {
    expect(html).toContain(`name="issued" value="${token}"`)
    expect(html).toContain('name="article" value="a1"')
    expect(html).toContain('name="parent" value="c9"')
    expect(html).toContain('name="return" value="/news/a-story"')
    expect(html).toMatch(/name="notifyOnReply" type="checkbox" value="yes" checked/)
    expect(html).toMatch(/name="remember" type="checkbox" value="yes">/)
  })

  it('puts the message in an alert and each field’s message beside it, linked for screen readers', () => {
    expect(html).toContain('<p class="comment-form__message" role="alert">Please check &lt;the&gt; fields.</p>')
    expect(html).toContain('aria-invalid="true" aria-describedby="author-error"')
    expect(html).toContain('<span class="comment-form__error" id="author-error">Please enter your name here</span>')
    expect(html).toContain('<a href="/news/a-story?replytocom=c9#respond">Back to the article</a>')
  })
})

describe('Comment display', () => {
  it('splits paragraphs and lines and finds URLs, leaving markup as text', async () => {
    const { commentParagraphs } = await import('@/comments/text')
    expect(commentParagraphs('<b>hi</b> see https://example.org/a.\nnext line\n\n\nwww.example.net')).toEqual([
      [
        [
          { kind: 'text', text: '<b>hi</b> see ' },
          { kind: 'link', text: 'https://example.org/a', href: 'https://example.org/a' },
          { kind: 'text', text: '.' },
        ],
        [{ kind: 'text', text: 'next line' }],
      ],
      [[{ kind: 'link', text: 'www.example.net', href: 'https://www.example.net' }]],
    ])
  })
})

describe('Pending comments cookie', () => {
  it('lists this browser’s own comments, newest first, and ignores a tampered cookie', async () => {
    const { addPendingId, readPendingIds } = await import('@/comments/pendingCookie')
    const first = addPendingId({ cookie: undefined, id: 'c1', secret: SECRET })
    const second = addPendingId({ cookie: first, id: 'c2', secret: SECRET })
    expect(readPendingIds({ cookie: second, secret: SECRET })).toEqual(['c2', 'c1'])
    expect(readPendingIds({ cookie: second.replace('c2', 'c9'), secret: SECRET })).toEqual([])
    expect(readPendingIds({ cookie: second, secret: 'b'.repeat(64) })).toEqual([])
  })
})
