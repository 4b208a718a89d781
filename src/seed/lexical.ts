/**
 * Small builders for Lexical's serialized JSON, so the demo content reads like an outline
 * rather than a tree of node objects.
 */

type Props = Record<string, unknown>
type Node = Props & { type: string; version: number }
type Inline = Node | string

const FORMAT = { bold: 1, italic: 2, strikethrough: 4, underline: 8 } as const
type Format = keyof typeof FORMAT

const element = (type: string, children: Node[], extra: Props = {}): Node => ({
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
  type,
  children,
})

export const text = (value: string, ...formats: Format[]): Node => ({
  type: 'text',
  text: value,
  format: formats.reduce((bits, f) => bits | FORMAT[f], 0),
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})

const inline = (children: Inline[]): Node[] => children.map((c) => (typeof c === 'string' ? text(c) : c))

export const p = (...children: Inline[]) => element('paragraph', inline(children), { textFormat: 0, textStyle: '' })
export const h2 = (value: string) => element('heading', [text(value)], { tag: 'h2' })
export const quote = (...children: Inline[]) => element('quote', inline(children))

export const link = (url: string, label: string) =>
  element('link', [text(label)], { version: 3, fields: { linkType: 'custom', newTab: false, url } })

export const internalLink = (relationTo: 'articles' | 'authors' | 'cast', id: string, label: string) =>
  element('link', [text(label)], {
    version: 3,
    fields: { linkType: 'internal', newTab: false, doc: { relationTo, value: id } },
  })

let blockCounter = 0
export const block = (blockType: string, fields: Props): Node => ({
  type: 'block',
  format: '',
  version: 2,
  fields: { id: `seed-${blockType}-${(blockCounter += 1)}`, blockName: '', blockType, ...fields },
})

export const image = (mediaId: string, caption: string): Node => ({
  type: 'upload',
  relationTo: 'media',
  value: mediaId,
  fields: { caption },
  format: '',
  version: 3,
})

export const doc = (...children: Node[]) => ({
  root: { type: 'root', children, direction: 'ltr' as const, format: '' as const, indent: 0, version: 1 },
})
