/**
 * Post content (classic HTML with WordPress's shortcodes and blank-line paragraphs, or Gutenberg
 * block markup) as Byline's Lexical document. Text, headings, lists, quotes, links, bold and
 * italic go through Payload's own converter (`convertHTMLToLexical` with jsdom); images, video
 * embeds and pull quotes, which Lexical's HTML import does not know, are taken out first and
 * become upload nodes and `videoEmbed`/`pullQuote` blocks. What has no Byline equivalent (tables,
 * other embeds, scripts, unknown shortcodes) is kept as text and counted.
 */
import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { RichTextField, SanitizedCollectionConfig } from 'payload'

import { convertHTMLToLexical, editorConfigFactory } from '@payloadcms/richtext-lexical'
import { createHash } from 'node:crypto'

import { htmlDocument } from './map'

import { parseVideoUrl } from '@/lib/video'
import { isAllowedLinkUrl } from '@/fields/safeLinks'
import { escapeHtml } from '@/lib/escapeHtml'

type LexicalNode = { type: string; version: number; [key: string]: unknown }
export type LexicalDocument = { root: LexicalNode & { children: LexicalNode[] } }

/** An image found in the content, to be found or uploaded by the writer. */
export type ContentImage = { src: string; alt: string; caption: string; attachmentId: string | null }

/** Where a link from the old site points in Byline, if it is to something imported. */
export type LinkTarget = { relationTo: 'articles'; value: string } | { url: string } | null

type ConvertArgs = {
  html: string
  editorConfig: SanitizedServerEditorConfig
  /** Seeds block ids, so a re-import of unchanged content gives the same document. */
  itemId: string
  /** The media id of an image, or null when the file could not be had (the content then links to it). */
  resolveImage: (image: ContentImage) => Promise<string | null>
  /** The Byline target of a link to the old site, or null to keep the URL. */
  resolveLink: (url: string) => LinkTarget
}

type Converted = { content: LexicalDocument; images: number; unrepresentable: Record<string, number> }

type Segment =
  | { kind: 'html'; html: string }
  | { kind: 'image'; image: ContentImage }
  | { kind: 'video'; url: string; title: string }
  | { kind: 'pullQuote'; quote: string; attribution: string }

const BLOCK_START = /^<(?:p|div|h[1-6]|ul|ol|li|blockquote|table|figure|pre|hr|iframe|form|section|dl|address|style|script|video|audio|object|embed)\b/i
const GUTENBERG = /<!--\s*wp:/
/** What the converter cannot take as it is: media, embeds, quotes, tables, code, video addresses. */
const SPECIAL = /<(?:img|figure|iframe|table|blockquote|script|style|noscript|video|audio|object|embed|form|pre)\b|youtu\.?be|vimeo\.com/i

/** WordPress's classic editor stores paragraphs as blank lines and line breaks as newlines (its `wpautop`). */
export function autop(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n')
}

const KNOWN_SHORTCODES = new Set(['caption', 'wp_caption', 'embed'])

/** Shortcodes the importer understands become HTML; the others stay in the text, and are counted. */
function expandShortcodes(html: string, count: (what: string) => void): string {
  const expanded = html
    .replace(/\[(?:wp_)?caption([^\]]*)\]([\s\S]*?)\[\/(?:wp_)?caption\]/g, (_, attributes: string, inner: string) => {
      const captionAttribute = /caption="([^"]*)"/.exec(attributes)?.[1]
      const image = /<a\b[^>]*>\s*<img\b[^>]*>\s*<\/a>|<img\b[^>]*>/i.exec(inner)?.[0] ?? ''
      const caption = captionAttribute ?? inner.replace(image, '').trim()
      return `\n\n<figure>${image}<figcaption>${caption}</figcaption></figure>\n\n`
    })
    .replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/g, (_, url: string) => `\n\n${url.trim()}\n\n`)
  for (const match of expanded.matchAll(/\[([a-z][\w-]*)(?:\s[^\]]*)?\]/gi)) {
    const name = match[1]?.toLowerCase() ?? ''
    if (!KNOWN_SHORTCODES.has(name)) count(`[${name}] shortcode`)
  }
  return expanded
}

const textOf = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim()

function imageOf(img: HTMLImageElement, caption: string): ContentImage {
  const attachment = /\bwp-image-(\d+)\b/.exec(img.getAttribute('class') ?? '')?.[1] ?? null
  return { src: img.getAttribute('src')?.trim() ?? '', alt: img.getAttribute('alt')?.trim() ?? '', caption, attachmentId: attachment }
}

const videoTitle = (url: string, caption: string) => caption || `${parseVideoUrl(url)?.provider === 'vimeo' ? 'Vimeo' : 'YouTube'} video`

/** A paragraph that is only a video address (WordPress's oEmbed line) or only a player iframe. */
function lonelyVideo(element: Element): string | null {
  const text = textOf(element)
  if (element.children.length === 0 && parseVideoUrl(text)) return text
  const iframe = element.tagName === 'IFRAME' ? element : element.children.length === 1 && !text ? element.querySelector('iframe') : null
  const src = iframe?.getAttribute('src') ?? ''
  return src && parseVideoUrl(src.startsWith('//') ? `https:${src}` : src) ? (src.startsWith('//') ? `https:${src}` : src) : null
}


/** A paragraph of text with a link, for what Byline cannot show but the reader should still reach. */
const linkParagraph = (label: string, url: string) =>
  /^https?:\/\//i.test(url) ? `<p><a href="${escapeHtml(url)}">${escapeHtml(label || url)}</a></p>` : `<p>${escapeHtml(label || url)}</p>`

/** Splits the body into HTML for the converter and the nodes it cannot make. */
function segmentsOf(body: HTMLElement, count: (what: string) => void): Segment[] {
  const segments: Segment[] = []
  let loose: string[] = []
  const html = (value: string) => {
    flushLoose()
    if (value.trim()) segments.push({ kind: 'html', html: value })
  }
  const flushLoose = () => {
    const joined = loose.join('').trim()
    loose = []
    if (joined) segments.push({ kind: 'html', html: `<p>${joined}</p>` })
  }

  for (const node of [...body.childNodes]) {
    if (node.nodeType === 3) {
      loose.push(escapeHtml(node.textContent ?? ''))
      continue
    }
    if (node.nodeType !== 1) continue // comments (Gutenberg's block delimiters) carry no text
    const element = node as HTMLElement
    const tag = element.tagName
    if (['A', 'STRONG', 'EM', 'B', 'I', 'U', 'S', 'SPAN', 'BR', 'CODE', 'SUP', 'SUB', 'MARK', 'ABBR', 'SMALL'].includes(tag) && !element.querySelector('img, iframe')) {
      loose.push(element.outerHTML)
      continue
    }
    flushLoose()

    const className = element.getAttribute('class') ?? ''
    const video = lonelyVideo(element)
    if (video) {
      segments.push({ kind: 'video', url: video, title: videoTitle(video, '') })
      continue
    }
    if (tag === 'FIGURE' || (tag === 'BLOCKQUOTE' && /pullquote/.test(className))) {
      const caption = textOf(element.querySelector(':scope > figcaption'))
      if (/pullquote/.test(className)) {
        const quote = element.querySelector('blockquote') ?? element
        const cite = quote.querySelector('cite')
        const attribution = textOf(cite)
        cite?.remove()
        const text = [...quote.querySelectorAll('p')].map(textOf).filter(Boolean).join(' ') || textOf(quote)
        if (attribution && text.length <= 600) segments.push({ kind: 'pullQuote', quote: text, attribution })
        else {
          // Byline's pull quote names whom it quotes: without that (or too long) it is an ordinary quote.
          count('pull quote kept as a quote (no attribution, or too long)')
          html(`<blockquote>${escapeHtml(text)}${attribution ? ` (${escapeHtml(attribution)})` : ''}</blockquote>`)
        }
        continue
      }
      if (/wp-block-embed/.test(className) || element.querySelector('iframe')) {
        const url = textOf(element.querySelector('.wp-block-embed__wrapper')) || element.querySelector('iframe')?.getAttribute('src') || ''
        if (parseVideoUrl(url)) segments.push({ kind: 'video', url, title: videoTitle(url, caption) })
        else {
          count('embed')
          html(linkParagraph(caption || url, url))
        }
        continue
      }
      const images = [...element.querySelectorAll('img')]
      if (images.length > 0) {
        for (const img of images) segments.push({ kind: 'image', image: imageOf(img, images.length === 1 ? caption : '') })
        if (images.length > 1 && caption) html(`<p>${escapeHtml(caption)}</p>`)
        continue
      }
    }
    if (tag === 'TABLE' || element.querySelector('table')) {
      count('table')
      const rows = [...element.querySelectorAll('tr')].map((row) => [...row.querySelectorAll('th, td')].map(textOf).join(' | '))
      html(rows.map((row) => `<p>${escapeHtml(row)}</p>`).join(''))
      continue
    }
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') {
      // Code, not content: not shown, but counted so the report says it was there.
      count(tag.toLowerCase())
      continue
    }
    if (['IFRAME', 'VIDEO', 'AUDIO', 'OBJECT', 'EMBED', 'FORM'].includes(tag) || element.querySelector('iframe, video, audio, object, embed, form')) {
      const media = tag === 'IFRAME' || tag === 'VIDEO' || tag === 'AUDIO' || tag === 'OBJECT' || tag === 'EMBED' || tag === 'FORM' ? element : element.querySelector('iframe, video, audio, object, embed, form')
      count(media?.tagName.toLowerCase() ?? tag.toLowerCase())
      const src = media?.getAttribute('src') ?? media?.querySelector('source')?.getAttribute('src') ?? media?.getAttribute('data') ?? ''
      html(linkParagraph(media?.getAttribute('title') || textOf(element) || src, src))
      continue
    }
    if (tag === 'PRE') count('preformatted block')
    // Images inside paragraphs, links and lists come out after the text around them.
    const images = [...element.querySelectorAll('img')]
    for (const img of images) {
      const wrapper = img.parentElement?.tagName === 'A' && textOf(img.parentElement) === '' ? img.parentElement : img
      wrapper.remove()
    }
    if (textOf(element) || element.querySelector('hr') || tag === 'HR') html(element.outerHTML)
    for (const img of images) segments.push({ kind: 'image', image: imageOf(img, '') })
  }
  flushLoose()
  return segments
}

/** Block ids as Payload makes them (24 hex digits), derived from the item so a re-run gives the same ones. */
const blockId = (itemId: string, index: number) => createHash('sha1').update(`${itemId}:${index}`).digest('hex').slice(0, 24)

const HEADING_TAGS: Record<string, string> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h4', h5: 'h4', h6: 'h4' }

/** Links to the old site become internal links; links Byline refuses (javascript:) become their text. */
function rewrite(node: LexicalNode, args: Pick<ConvertArgs, 'resolveLink'>, count: (what: string) => void): LexicalNode[] {
  const children = Array.isArray(node.children) ? (node.children as LexicalNode[]).flatMap((c) => rewrite(c, args, count)) : undefined
  const next: LexicalNode = children ? { ...node, children } : { ...node }
  if (next.type === 'heading' && typeof next.tag === 'string') next.tag = HEADING_TAGS[next.tag] ?? 'h4'
  if (next.type === 'link' || next.type === 'autolink') {
    const fields = (next.fields ?? {}) as { url?: string; linkType?: string; newTab?: boolean }
    const url = fields.url ?? ''
    if (!isAllowedLinkUrl(url)) {
      count('unsafe link')
      return children ?? []
    }
    const target = args.resolveLink(url)
    if (target && 'relationTo' in target) next.fields = { ...fields, linkType: 'internal', doc: { relationTo: target.relationTo, value: target.value }, url: undefined }
    else if (target) next.fields = { ...fields, url: target.url }
  }
  return [next]
}

/** The rich-text editor of a collection's `content` field, as Payload sanitized it: what the converter needs. */
export function contentEditorOf(collection: SanitizedCollectionConfig | undefined): SanitizedServerEditorConfig {
  const field = collection?.fields.find((f) => 'name' in f && f.name === 'content')
  if (!field || field.type !== 'richText') throw new Error(`The ${collection?.slug ?? 'unknown'} collection has no rich-text content field.`)
  return editorConfigFactory.fromField({ field: field as RichTextField })
}

/** A JSDOM-shaped constructor over the run's one jsdom window, for Payload's converter. */
class SharedDom {
  window: { document: Document }
  constructor(html: string) {
    this.window = { document: htmlDocument(html) }
  }
}

function convertHtml(html: string, editorConfig: SanitizedServerEditorConfig): LexicalNode[] {
  const state = convertHTMLToLexical({ editorConfig, html, JSDOM: SharedDom })
  return state.root.children as unknown as LexicalNode[]
}

const paragraphNodes = (html: string, editorConfig: SanitizedServerEditorConfig) => convertHtml(html, editorConfig)

/**
 * Gutenberg blocks whose markup says nothing of what readers saw: a self-closing block
 * (`<!-- wp:latest-posts /-->`) is drawn by WordPress when the page is shown, and a custom HTML
 * block keeps only its text here. Each is counted, so the report names what did not come across.
 */
function countGutenbergGaps(html: string, count: (what: string) => void): void {
  for (const [, name] of html.matchAll(/<!--\s*wp:([a-z0-9-]+(?:\/[a-z0-9-]+)?)(?:\s+\{[\s\S]*?\})?\s*\/-->/g)) {
    count(name === 'block' ? 'reusable block not in the export' : `"${name}" block (WordPress drew it when the page was shown)`)
  }
  // Media, embeds and code inside one are counted as such where the body is split (segmentsOf).
  for (const [, inner = ''] of html.matchAll(/<!--\s*wp:html\b[^>]*-->([\s\S]*?)<!--\s*\/wp:html\s*-->/g)) {
    if (!SPECIAL.test(inner)) count('custom HTML block (kept as its text)')
  }
}

/**
 * A reusable block is stored once (a `wp_block` item) and named where it is used
 * (`<!-- wp:block {"ref":900} /-->`): its content goes in its place, as readers saw it. One found
 * inside another is put in too, two levels deep at most; a reference the export lacks stays, and
 * is counted.
 */
export function inlineReusableBlocks(html: string, blocks: ReadonlyMap<string, string>, depth = 0): string {
  if (depth > 1 || !html.includes('wp:block')) return html
  return html.replace(/<!--\s*wp:block\s+(\{[\s\S]*?\})\s*\/-->/g, (whole, attributes: string) => {
    let ref: unknown
    try {
      ref = (JSON.parse(attributes) as { ref?: unknown }).ref
    } catch {
      return whole
    }
    const content = blocks.get(String(ref))
    return content === undefined ? whole : inlineReusableBlocks(content, blocks, depth + 1)
  })
}

/** One piece of a converted body: Lexical nodes, or an image with the nodes it becomes when its file cannot be had. */
type BodyPart = { nodes: LexicalNode[] } | { image: ContentImage; fallback: LexicalNode[] }
/** A body converted as far as it can be without the run's state: images and links are settled by `settleBody`. */
export type ConvertedBody = { parts: BodyPart[]; unrepresentable: Record<string, number> }

/**
 * The expensive, self-contained half of the conversion (jsdom and Lexical), which the command line
 * runs in a worker thread (./conversionWorker.ts) while the main thread writes the item before.
 */
export function convertBody({ html, editorConfig, itemId }: Pick<ConvertArgs, 'html' | 'editorConfig' | 'itemId'>): ConvertedBody {
  const unrepresentable: Record<string, number> = {}
  const count = (what: string) => {
    unrepresentable[what] = (unrepresentable[what] ?? 0) + 1
  }
  if (GUTENBERG.test(html)) countGutenbergGaps(html, count)
  const source = GUTENBERG.test(html) ? expandShortcodes(html, count) : autop(expandShortcodes(html, count))
  // Text, headings, lists and links only: the converter takes the whole body at once.
  const segments: Segment[] = SPECIAL.test(source) ? segmentsOf(htmlDocument(source).body, count) : [{ kind: 'html', html: source }]

  const parts: BodyPart[] = []
  let pendingHtml = ''
  const flush = () => {
    if (pendingHtml) parts.push({ nodes: paragraphNodes(pendingHtml, editorConfig) })
    pendingHtml = ''
  }
  for (const [index, segment] of segments.entries()) {
    if (segment.kind === 'html') {
      pendingHtml += segment.html
      continue
    }
    flush()
    if (segment.kind === 'image') {
      // Without its file, the content keeps a link to where the image was.
      const { alt, caption, src } = segment.image
      const fallback = linkParagraph(alt || caption || 'Image', src) + (caption && alt ? `<p>${escapeHtml(caption)}</p>` : '')
      parts.push({ image: segment.image, fallback: paragraphNodes(fallback, editorConfig) })
      continue
    }
    const fields =
      segment.kind === 'video'
        ? { blockType: 'videoEmbed', url: segment.url, title: segment.title.slice(0, 200) }
        : { blockType: 'pullQuote', quote: segment.quote, attribution: segment.attribution.slice(0, 200) }
    parts.push({ nodes: [{ type: 'block', version: 2, format: '', fields: { id: blockId(itemId, index), blockName: '', ...fields } }] })
  }
  flush()
  return { parts, unrepresentable }
}

/** The other half, with the run's state: images become uploads (or their fallback), links to the old site internal links. */
export async function settleBody(body: ConvertedBody, { resolveImage, resolveLink }: Pick<ConvertArgs, 'resolveImage' | 'resolveLink'>): Promise<Converted> {
  const unrepresentable = { ...body.unrepresentable }
  const count = (what: string) => {
    unrepresentable[what] = (unrepresentable[what] ?? 0) + 1
  }
  const children: LexicalNode[] = []
  let images = 0
  for (const part of body.parts) {
    if ('nodes' in part) {
      children.push(...part.nodes)
      continue
    }
    const id = part.image.src ? await resolveImage(part.image) : null
    if (id) {
      images += 1
      children.push({ type: 'upload', version: 3, format: '', relationTo: 'media', value: id, fields: { caption: part.image.caption } })
    } else {
      children.push(...part.fallback)
    }
  }
  const rewritten = children.flatMap((node) => rewrite(node, { resolveLink }, count))
  return {
    content: { root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children: rewritten } },
    images,
    unrepresentable,
  }
}

export async function convertContent(args: ConvertArgs): Promise<Converted> {
  return settleBody(convertBody(args), args)
}
