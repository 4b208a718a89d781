import type { SEOPluginConfig } from '@payloadcms/plugin-seo/types'

import type { Article } from '@/payload-types'

import { relationId } from '@/lib/relationId'
import { SITE_NAME } from '@/lib/siteName'

/**
 * Search and social metadata for articles and pages (@payloadcms/plugin-seo adds the `meta` group: title,
 * description, image). The admin's "Auto-generate" buttons fill each from the article itself; the
 * plugin shows the length hints (title 50–60 characters, description 100–150).
 */

const TITLE_SUFFIX = ` · ${SITE_NAME}`
const TITLE_MAX = 60
const DESCRIPTION_MAX = 150

/** Cuts at a word boundary and marks the cut, so a generated text never ends mid-word. */
export function fitText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max - 1)
  const atWord = cut.lastIndexOf(' ')
  return `${(atWord > max / 2 ? cut.slice(0, atWord) : cut).replace(/[\s,;:.–-]+$/, '')}…`
}

type Draft = Partial<Pick<Article, 'excerpt' | 'heroImage' | 'title'>>

const generateArticleTitle = ({ doc }: { doc: Draft }) => {
  const title = doc.title?.trim() ?? ''
  if (!title) return ''
  return title.length + TITLE_SUFFIX.length <= TITLE_MAX ? `${title}${TITLE_SUFFIX}` : fitText(title, TITLE_MAX)
}

const generateArticleDescription = ({ doc }: { doc: Draft }) => fitText(doc.excerpt ?? '', DESCRIPTION_MAX)

/** The hero image, as the id the meta image field stores (the form may hold the populated document). */
const generateArticleImage = ({ doc }: { doc: Draft }) => relationId(doc.heroImage) ?? ''

/**
 * The plugin labels its fields "Title", "Description" and "Image", the same words as the
 * article's own fields; these say what they are for.
 */
const SEO_LABELS: Record<string, string> = { title: 'Search headline', description: 'Search description', image: 'Sharing image' }

export const articleSeo: SEOPluginConfig = {
  // Pages use the same generators: they have a title and no excerpt or hero, so those stay empty.
  collections: ['articles', 'pages'],
  fields: ({ defaultFields }) =>
    defaultFields.map((field) => ('name' in field && SEO_LABELS[field.name] ? { ...field, label: SEO_LABELS[field.name] } : field)),
  uploadsCollection: 'media',
  generateTitle: generateArticleTitle,
  generateDescription: generateArticleDescription,
  generateImage: generateArticleImage,
}
