import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'

import type { CommentView } from '@/comments/thread'

import { NEWSROOM } from '@/comments/newsroom'
import { commentsHtml } from '@/components/CommentThread/commentsHtml'

/** A parsed node: one element name mapped to its children, its attributes under ':@', or text. */
type Node = { [name: string]: Node[] } & { ':@'?: Record<string, string>; '#text'?: string | number }

const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, attributeNamePrefix: '', htmlEntities: true, parseTagValue: false, trimValues: false })

/** The thread as the page holds it, parsed: the markup must be well-formed for this to work at all. */
function parse(html: string): Node[] {
  const document = `<ol>${html}</ol>`
  expect(XMLValidator.validate(document)).toBe(true)
  return (parser.parse(document) as Node[])[0].ol
}

const nameOf = (node: Node) => Object.keys(node).find((key) => key !== ':@') ?? ''

function* walk(nodes: Node[]): Generator<Node> {
  for (const node of nodes) {
    yield node
    const name = nameOf(node)
    if (name !== '#text') yield* walk(node[name])
  }
}

const elements = (nodes: Node[], name: string) => [...walk(nodes)].filter((node) => nameOf(node) === name)
const textOf = (nodes: Node[]): string => [...walk(nodes)].map((node) => (node['#text'] === undefined ? '' : String(node['#text']))).join('')
const byClass = (nodes: Node[], className: string) => [...walk(nodes)].filter((node) => node[':@']?.class?.split(' ').includes(className))

let sequence = 0
const comment = (overrides: Partial<CommentView> = {}): CommentView => ({
  id: `c${++sequence}`,
  authorName: 'Ada',
  authorUrl: null,
  body: 'Lovely piece.',
  createdAt: '2026-06-01T12:00:00.000Z',
  replies: [],
  ...overrides,
})

const render = (thread: CommentView[], replyDepth = 5) => parse(commentsHtml({ thread, replyDepth, articleHref: '/news/a-story' }))

describe('Comment thread HTML', () => {
  it('writes what a commenter typed as text, never as markup', () => {
    const hostile = '<script>alert(1)</script> & "quotes" \'too\''
    const nodes = render([
      comment({
        authorName: hostile,
        authorUrl: 'https://example.net/?q="><script>alert(2)</script>&x=1',
        body: `<img src=x onerror=alert(3)>\n\n</ol></li><b>bold</b>`,
      }),
    ])
    for (const tag of ['script', 'img', 'b']) expect(elements(nodes, tag)).toEqual([])
    expect(textOf(byClass(nodes, 'comment__author'))).toBe(hostile)
    expect(elements(byClass(nodes, 'comment__author'), 'a')[0][':@']?.href).toBe('https://example.net/?q="><script>alert(2)</script>&x=1')
    expect(textOf(byClass(nodes, 'comment__body'))).toBe('<img src=x onerror=alert(3)></ol></li><b>bold</b>')
    const reply = elements(byClass(nodes, 'comment__reply'), 'a')[0][':@']
    expect(reply?.['aria-label']).toBe(`Reply to ${hostile}`)
  })

  it('nests replies under what they answer, and offers reply links only above the reply depth', () => {
    const grandchild = comment({ authorName: 'Cy' })
    const child = comment({ authorName: 'Bo', replies: [grandchild] })
    const top = comment({ authorName: 'Ada', replies: [child] })
    const nodes = render([top, comment({ authorName: 'Di' })], 2)

    const items = elements(nodes, 'li')
    expect(items.map((item) => item[':@']?.id)).toEqual([`comment-${top.id}`, `comment-${child.id}`, `comment-${grandchild.id}`, expect.stringMatching(/^comment-/)])
    const nested = byClass(nodes, 'comment-list--replies')
    expect(nested).toHaveLength(2)
    // The top comment's replies hold the child and, inside the child's own replies, the grandchild.
    expect(elements([nested[0]], 'li').map((item) => item[':@']?.id)).toEqual([`comment-${child.id}`, `comment-${grandchild.id}`])
    expect(elements([nested[1]], 'li').map((item) => item[':@']?.id)).toEqual([`comment-${grandchild.id}`])

    const replyLinks = elements(byClass(nodes, 'comment__reply'), 'a').map((link) => link[':@'])
    expect(replyLinks).toEqual([
      { href: `/news/a-story?replytocom=${top.id}#respond`, 'aria-label': 'Reply to Ada', rel: 'nofollow' },
      { href: expect.stringMatching(/\?replytocom=c\d+#respond$/), 'aria-label': 'Reply to Di', rel: 'nofollow' },
    ])
    expect(elements(render([top], 0), 'a')).toEqual([])
  })

  it('marks the reader’s own held comment as awaiting moderation, with nothing to reply to', () => {
    const nodes = render([comment({ pending: true, body: 'Mine.' })])
    expect(elements(nodes, 'li')[0][':@']?.class).toBe('comment comment--pending')
    expect(textOf(byClass(nodes, 'comment__awaiting'))).toBe('Your comment is awaiting moderation.')
    expect(byClass(nodes, 'comment__reply')).toEqual([])
  })

  it('links the commenter’s site and URLs in the text without endorsing them, and keeps paragraphs and line breaks', () => {
    const nodes = render([
      comment({ authorName: 'Ada', authorUrl: 'https://ada.example', body: 'First line\nsee www.example.org/x.\n\nSecond paragraph.' }),
    ])
    expect(elements(byClass(nodes, 'comment__author'), 'a')[0][':@']).toEqual({ href: 'https://ada.example', rel: 'ugc nofollow noopener noreferrer' })
    const body = byClass(nodes, 'comment__body')
    expect(elements(body, 'p').map((p) => textOf([p]))).toEqual(['First linesee www.example.org/x.', 'Second paragraph.'])
    expect(elements(body, 'br')).toHaveLength(1)
    expect(elements(body, 'a').map((a) => a[':@'])).toEqual([{ href: 'https://www.example.org/x', rel: 'nofollow ugc noopener' }])
  })

  it('shows the date readers read and the machine-readable one', () => {
    const time = elements(render([comment({ createdAt: '2026-03-09T23:30:00.000Z' })]), 'time')[0]
    expect(time[':@']).toEqual({ datetime: '2026-03-09T23:30:00.000Z' })
    expect(textOf([time])).toBe('9 March 2026')
  })
})

describe('The newsroom’s replies', () => {
  it('shows the newsroom’s replies with a staff badge, and nobody else’s', () => {
    const view = { authorUrl: null, body: 'Hi', createdAt: '2026-12-01T12:00:00.000Z', replies: [] }
    const html = commentsHtml({
      thread: [
        { ...view, id: 'r1', authorName: 'Reader' },
        { ...view, id: 'n1', authorName: NEWSROOM.name, newsroom: true },
      ],
      replyDepth: 3,
      articleHref: '/news/a',
    })
    expect(html.match(/comment__badge/g)?.length).toBe(1)
    expect(html).toContain(`<span class="comment__author">${NEWSROOM.name} <span class="comment__badge">Staff</span></span>`)
  })
})
