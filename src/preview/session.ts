import 'server-only'

import type { Metadata } from 'next'

import { cookies, draftMode } from 'next/headers'
import { cache } from 'react'

import type { ArticleView } from '@/lib/articles/types'

import { getDraftArticle } from '@/lib/articles/article'
import { getPayloadClient } from '@/lib/payload'

import { PREVIEW_COOKIE } from './links'
import { verifyPreviewToken } from './token'

type Params = Promise<{ category: string; slug: string }>

/**
 * The draft to show instead of the published article at this URL, or null for everyone who is not
 * previewing it. Cookies are read only once Next's draft mode is on, so for readers the page
 * stays static and cached. The cookie names the article and is signed (./token.ts).
 */
export const previewedDraft = cache(async (params: Params): Promise<ArticleView | null> => {
  if (!(await draftMode()).isEnabled) return null
  const [jar, { category, slug }, payload] = await Promise.all([cookies(), params, getPayloadClient()])
  const check = verifyPreviewToken({ secret: payload.secret, token: jar.get(PREVIEW_COOKIE)?.value })
  if (!check.ok) return null
  const draft = await getDraftArticle(check.articleId)
  return draft && draft.slug === slug && draft.category.slug === category ? draft : null
})

/** A preview's page title, and never indexed; null when not previewing. */
export async function previewMetadata(params: Params): Promise<Metadata | null> {
  const draft = await previewedDraft(params)
  return draft ? { title: `Preview: ${draft.title}`, robots: { index: false, follow: false } } : null
}
