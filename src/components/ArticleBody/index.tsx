import type {
  DefaultNodeTypes,
  SerializedBlockNode,
  SerializedHeadingNode,
} from '@payloadcms/richtext-lexical'
import type { JSXConverters, JSXConvertersFunction } from '@payloadcms/richtext-lexical/react'

import { RichText } from '@payloadcms/richtext-lexical/react'

import type { DraftFields } from '@/blocks/draftFields'
import type { Article, CastSpotlightBlock, Media, PullQuoteBlock, VideoEmbedBlock } from '@/payload-types'

import { CastSpotlightComponent } from '@/blocks/CastSpotlight/Component'
import { PullQuoteComponent } from '@/blocks/PullQuote/Component'
import { VideoEmbedComponent } from '@/blocks/VideoEmbed/Component'
import { imageRef } from '@/lib/media'
import { slugify } from '@/lib/slugify'
import { internalLinkHref, safeHref } from '@/lib/urls'

import { MediaFigure } from '../MediaImage'

type NodeTypes = DefaultNodeTypes | SerializedBlockNode<CastSpotlightBlock | PullQuoteBlock | VideoEmbedBlock>

const headingText = (node: SerializedHeadingNode) =>
  node.children.map((child) => ('text' in child && typeof child.text === 'string' ? child.text : '')).join('')

const converters: JSXConvertersFunction<NodeTypes> = ({ defaultConverters }) => ({
  ...defaultConverters,
  // Section headings get ids so a section can be linked to (#release-date).
  heading: ({ node, nodesToJSX }) => {
    const Tag = node.tag
    return <Tag id={Tag === 'h2' ? slugify(headingText(node)) || undefined : undefined}>{nodesToJSX({ nodes: node.children })}</Tag>
  },
  link: ({ node, nodesToJSX }) => {
    const children = nodesToJSX({ nodes: node.children })
    const { fields } = node
    const href = fields.linkType === 'internal' ? internalLinkHref(fields.doc) : safeHref(fields.url)
    // An internal link whose target is unpublished or gone reads as plain text, never as a dead link.
    if (!href) return <>{children}</>
    return fields.newTab ? (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <a href={href}>{children}</a>
    )
  },
  upload: ({ node }) => {
    const image = imageRef(node.value as Media | string, 'column')
    if (!image) return null
    const caption = typeof node.fields?.caption === 'string' ? node.fields.caption : null
    return <MediaFigure className="article-figure" image={image} caption={caption} sizes="(min-width: 48rem) 44rem, 100vw" />
  },
  blocks: {
    // A draft's block may have none of its fields yet (drafts skip validation): the renderers take what is there.
    pullQuote: ({ node }) => <PullQuoteComponent block={(node.fields ?? {}) as DraftFields<PullQuoteBlock>} />,
    videoEmbed: ({ node }) => <VideoEmbedComponent block={(node.fields ?? {}) as DraftFields<VideoEmbedBlock>} />,
    castSpotlight: ({ node }) => <CastSpotlightComponent block={(node.fields ?? {}) as DraftFields<CastSpotlightBlock>} />,
  },
} satisfies JSXConverters<NodeTypes>)

/** An article's Lexical body with Byline's converters for links, uploads and blocks. */
export function ArticleBody({ content }: { content: NonNullable<Article['content']> }) {
  return <RichText data={content as never} converters={converters} className="article-body" />
}
