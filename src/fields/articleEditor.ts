import {
  BlockquoteFeature,
  BlocksFeature,
  BoldFeature,
  FixedToolbarFeature,
  HeadingFeature,
  HorizontalRuleFeature,
  InlineToolbarFeature,
  ItalicFeature,
  LinkFeature,
  OrderedListFeature,
  ParagraphFeature,
  StrikethroughFeature,
  UnderlineFeature,
  UnorderedListFeature,
  UploadFeature,
  lexicalEditor,
} from '@payloadcms/richtext-lexical'

import { EditorNameFeature } from '@/fields/editorName/feature.server'
import { guardLinkUrlField } from '@/fields/linkUrl'
import { UploadCaptionFeature } from '@/fields/uploadCaption/feature.server'
import { CastSpotlight } from '@/blocks/CastSpotlight/config'
import { PullQuote } from '@/blocks/PullQuote/config'
import { VideoEmbed } from '@/blocks/VideoEmbed/config'

/** The article editor: exactly the features the reader site knows how to render. */
export const articleEditor = lexicalEditor({
  features: () => [
    ParagraphFeature(),
    HeadingFeature({ enabledHeadingSizes: ['h2', 'h3', 'h4'] }),
    BoldFeature(),
    ItalicFeature(),
    UnderlineFeature(),
    StrikethroughFeature(),
    LinkFeature({ enabledCollections: ['articles', 'authors', 'cast'], fields: guardLinkUrlField }),
    UnorderedListFeature(),
    OrderedListFeature(),
    BlockquoteFeature(),
    HorizontalRuleFeature(),
    UploadFeature({
      collections: {
        media: { fields: [{ name: 'caption', type: 'text' }] },
      },
    }),
    BlocksFeature({ blocks: [PullQuote, VideoEmbed, CastSpotlight] }),
    FixedToolbarFeature(),
    InlineToolbarFeature(),
    EditorNameFeature({ name: 'Article body' }),
    UploadCaptionFeature(),
  ],
})
