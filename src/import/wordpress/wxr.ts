/**
 * The WordPress export (WXR 1.0–1.2) read as a stream of records, one channel element or one
 * `<item>` at a time: a 500 MB export is never held whole. Only the element being read is kept,
 * as a small tree; its record is handed on as soon as it closes.
 */
import type { Readable } from 'node:stream'

import fs from 'node:fs'
import { SaxesParser } from 'saxes'

export const messages = {
  notXml: (detail: string) => `The file is not a WordPress export: it is not well-formed XML (${detail}).`,
  notWxr: 'The file is XML but not a WordPress export (WXR): it has no <rss> root with the WordPress export namespace.',
  version: (version: string) => `The file is a WordPress export of version ${version}; this importer reads versions 1.0 to 1.2.`,
  truncated: 'The file ends before the export does (it is truncated): export it again from WordPress.',
  encoding: (encoding: string) => `The file declares the encoding ${encoding}; WordPress exports are UTF-8. Convert it to UTF-8 first.`,
  notUtf8: 'The file is not valid UTF-8 (wrong encoding): WordPress exports are UTF-8. Convert it, or export it again.',
}

/** Refused input: one line for the user, and nothing has been written. */
export class WxrError extends Error {
  override name = 'WxrError'
}

export type WxrSite = { title: string; link: string; baseUrl: string; version: string }
export type WxrAuthor = { id: string; login: string; email: string; displayName: string; description: string }
export type WxrTerm = { termId: string; slug: string; name: string; parent: string; description: string }
export type WxrComment = {
  id: string
  author: string
  email: string
  url: string
  ip: string
  dateGmt: string
  date: string
  content: string
  approved: string
  type: string
  parent: string
}
export type WxrItem = {
  title: string
  link: string
  creator: string
  content: string
  excerpt: string
  id: string
  date: string
  dateGmt: string
  slug: string
  status: string
  /** Non-empty when the post was password-protected. */
  password: string
  parent: string
  type: string
  sticky: boolean
  /** `open` or `closed`: whether readers could still comment. */
  commentStatus: string
  attachmentUrl: string
  /** Category-like terms on the post: `domain` is `category`, `post_tag` or another taxonomy. */
  terms: { domain: string; slug: string; name: string }[]
  meta: Record<string, string>
  comments: WxrComment[]
}

export type WxrRecord =
  | { kind: 'site'; site: WxrSite }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'category'; term: WxrTerm }
  | { kind: 'tag'; term: WxrTerm }
  | { kind: 'item'; item: WxrItem }

type Element = { name: string; attributes: Record<string, string>; text: string; children: Element[] }

const NAMESPACES: [RegExp, string][] = [
  [/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/excerpt\/?$/, 'excerpt'],
  [/^https?:\/\/wordpress\.org\/export\/\d+\.\d+\/?$/, 'wp'],
  [/^https?:\/\/purl\.org\/rss\/1\.0\/modules\/content\/?$/, 'content'],
  [/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/, 'dc'],
]
const SUPPORTED_VERSIONS = new Set(['1.0', '1.1', '1.2'])
const CHANNEL_RECORDS = new Set(['wp:author', 'wp:category', 'wp:tag', 'wp:term', 'item'])

/** An element's name with WordPress's usual prefix whatever prefix the file uses, so `wp:` means the namespace. */
const canonicalName = (uri: string, local: string) => {
  const known = NAMESPACES.find(([pattern]) => pattern.test(uri))
  return known ? `${known[1]}:${local}` : local
}

const child = (element: Element, name: string) => element.children.find((c) => c.name === name)
const textOf = (element: Element, name: string) => (child(element, name)?.text ?? '').trim()
/** Content keeps its own whitespace: classic posts use blank lines for paragraphs. */
const rawOf = (element: Element, name: string) => child(element, name)?.text ?? ''

function toTerm(element: Element, prefix: 'category' | 'tag' | 'term'): WxrTerm {
  const name = prefix === 'category' ? 'cat_name' : `${prefix}_name`
  const slug = prefix === 'category' ? 'category_nicename' : `${prefix}_slug`
  return {
    termId: textOf(element, 'wp:term_id'),
    slug: textOf(element, `wp:${slug}`),
    name: textOf(element, `wp:${name}`),
    parent: textOf(element, prefix === 'term' ? 'wp:term_parent' : 'wp:category_parent'),
    description: textOf(element, prefix === 'category' ? 'wp:category_description' : `wp:${prefix}_description`),
  }
}

function toComment(element: Element): WxrComment {
  const field = (name: string) => textOf(element, `wp:comment_${name}`)
  return {
    id: field('id'),
    author: field('author'),
    email: field('author_email'),
    url: field('author_url'),
    ip: field('author_IP'),
    dateGmt: field('date_gmt'),
    date: field('date'),
    content: rawOf(element, 'wp:comment_content'),
    approved: field('approved'),
    type: field('type'),
    parent: field('parent'),
  }
}

function toItem(element: Element): WxrItem {
  const meta: Record<string, string> = {}
  for (const entry of element.children.filter((c) => c.name === 'wp:postmeta')) {
    const key = textOf(entry, 'wp:meta_key')
    if (key) meta[key] = rawOf(entry, 'wp:meta_value')
  }
  return {
    title: textOf(element, 'title'),
    link: textOf(element, 'link'),
    creator: textOf(element, 'dc:creator'),
    content: rawOf(element, 'content:encoded'),
    excerpt: rawOf(element, 'excerpt:encoded').trim(),
    id: textOf(element, 'wp:post_id'),
    date: textOf(element, 'wp:post_date'),
    dateGmt: textOf(element, 'wp:post_date_gmt'),
    slug: textOf(element, 'wp:post_name'),
    status: textOf(element, 'wp:status'),
    password: textOf(element, 'wp:post_password'),
    parent: textOf(element, 'wp:post_parent'),
    type: textOf(element, 'wp:post_type'),
    sticky: textOf(element, 'wp:is_sticky') === '1',
    commentStatus: textOf(element, 'wp:comment_status'),
    attachmentUrl: textOf(element, 'wp:attachment_url'),
    terms: element.children
      .filter((c) => c.name === 'category')
      .map((c) => ({ domain: taxonomyOf(c.attributes.domain), slug: c.attributes.nicename ?? '', name: c.text.trim() })),
    meta,
    comments: element.children.filter((c) => c.name === 'wp:comment').map(toComment),
  }
}

/** A post's term domain; WXR 1.0 spelled tags `tag` where later versions write `post_tag`. */
const taxonomyOf = (domain: string | undefined) => (domain === 'tag' ? 'post_tag' : (domain ?? 'category'))

function toRecord(element: Element): WxrRecord | null {
  switch (element.name) {
    case 'wp:author':
      return {
        kind: 'author',
        author: {
          id: textOf(element, 'wp:author_id'),
          login: textOf(element, 'wp:author_login'),
          email: textOf(element, 'wp:author_email'),
          displayName: textOf(element, 'wp:author_display_name'),
          description: textOf(element, 'wp:author_description'),
        },
      }
    case 'wp:category':
      return { kind: 'category', term: toTerm(element, 'category') }
    case 'wp:tag':
      return { kind: 'tag', term: toTerm(element, 'tag') }
    case 'wp:term': {
      // WXR 1.2 lists every taxonomy's terms here too; categories and tags already came as their own elements.
      const taxonomy = textOf(element, 'wp:term_taxonomy')
      if (taxonomy === 'category') return { kind: 'category', term: toTerm(element, 'term') }
      if (taxonomy === 'post_tag') return { kind: 'tag', term: toTerm(element, 'term') }
      return null
    }
    case 'item':
      return { kind: 'item', item: toItem(element) }
    default:
      return null
  }
}

/**
 * Reads an export as records, in file order: the site, then authors, categories and tags as
 * the channel lists them, then items. Throws WxrError for anything that is not a complete,
 * UTF-8 WordPress export, possibly after some records: callers that must change nothing on
 * bad input read the file through once before writing (see ./importer.ts).
 */
export async function* readWxr(source: string | Readable): AsyncGenerator<WxrRecord> {
  const stream = typeof source === 'string' ? fs.createReadStream(source, { highWaterMark: 256 * 1024 }) : source
  const parser = new SaxesParser({ xmlns: true, position: true })
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const ready: WxrRecord[] = []
  const site: WxrSite = { title: '', link: '', baseUrl: '', version: '' }
  let depth = 0
  let isWxr = false
  let siteSent = false
  let inChannel = false
  let ended = false
  let failure: Error | null = null
  // The element being collected (a channel record) and its open descendants.
  const stack: Element[] = []
  let channelField: string | null = null

  parser.on('xmldecl', ({ encoding }) => {
    if (encoding && !/^utf-?8$/i.test(encoding)) failure ??= new WxrError(messages.encoding(encoding))
  })
  parser.on('opentag', (tag) => {
    depth += 1
    const name = canonicalName(tag.uri, tag.local)
    if (depth === 1) {
      const declared = Object.values(tag.ns ?? {})
      isWxr = tag.local === 'rss' && declared.some((uri) => NAMESPACES.some(([pattern, prefix]) => prefix === 'wp' && pattern.test(uri)))
      if (!isWxr) failure ??= new WxrError(messages.notWxr)
      return
    }
    if (depth === 2 && name === 'channel') inChannel = true
    if (stack.length > 0 || (inChannel && depth === 3 && CHANNEL_RECORDS.has(name))) {
      const attributes: Record<string, string> = {}
      for (const [key, attribute] of Object.entries(tag.attributes)) attributes[key] = typeof attribute === 'string' ? attribute : attribute.value
      const element: Element = { name, attributes, text: '', children: [] }
      stack.at(-1)?.children.push(element)
      stack.push(element)
      return
    }
    if (inChannel && depth === 3) channelField = name
  })
  parser.on('text', (text) => {
    const current = stack.at(-1)
    if (current) current.text += text
    else if (channelField) readChannelField(channelField, text)
  })
  parser.on('cdata', (text) => {
    const current = stack.at(-1)
    if (current) current.text += text
    else if (channelField) readChannelField(channelField, text)
  })
  parser.on('closetag', () => {
    depth -= 1
    if (stack.length > 0) {
      const element = stack.pop()
      if (element && stack.length === 0) {
        if (!siteSent) sendSite()
        const record = toRecord(element)
        if (record) ready.push(record)
      }
      return
    }
    if (depth === 2) channelField = null
    if (depth === 1 && inChannel) {
      inChannel = false
      if (!siteSent) sendSite()
    }
    if (depth === 0) ended = true
  })
  parser.on('error', (error) => {
    failure ??= new WxrError(messages.notXml(error.message.replace(/^undefined:/, 'line ').split('\n')[0] ?? 'parse error'))
  })

  function readChannelField(name: string, text: string) {
    if (name === 'title') site.title += text
    else if (name === 'link') site.link += text
    else if (name === 'wp:base_blog_url') site.baseUrl += text
    else if (name === 'wp:wxr_version') site.version += text
  }

  function sendSite() {
    siteSent = true
    site.title = site.title.trim()
    site.link = site.link.trim()
    site.baseUrl = site.baseUrl.trim() || site.link
    site.version = site.version.trim()
    if (!SUPPORTED_VERSIONS.has(site.version)) failure ??= new WxrError(messages.version(site.version || 'unknown'))
    ready.unshift({ kind: 'site', site: { ...site } })
  }

  const feed = (text: string) => {
    try {
      parser.write(text)
    } catch (error) {
      failure ??= error instanceof WxrError ? error : new WxrError(messages.notXml(error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error)))
    }
  }

  try {
    for await (const chunk of stream) {
      let text: string
      try {
        text = decoder.decode(chunk as Buffer, { stream: true })
      } catch {
        throw new WxrError(messages.notUtf8)
      }
      feed(text)
      if (failure) throw failure
      while (ready.length > 0) {
        const record = ready.shift()
        if (record) yield record
      }
    }
    try {
      decoder.decode()
    } catch {
      throw new WxrError(messages.notUtf8)
    }
    if (!isWxr && depth === 0 && !ended) throw new WxrError(messages.notXml('the file is empty or has no root element'))
    try {
      parser.close()
    } catch (error) {
      failure ??= new WxrError(depth > 0 ? messages.truncated : messages.notXml(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)))
    }
    if (failure) throw depth > 0 && !(failure.message === messages.notWxr) ? new WxrError(messages.truncated) : failure
    if (depth > 0 || !ended) throw new WxrError(messages.truncated)
    while (ready.length > 0) {
      const record = ready.shift()
      if (record) yield record
    }
  } finally {
    if (typeof source === 'string' && 'destroy' in stream) stream.destroy()
  }
}
