import type { PayloadRequest, Where } from 'payload'

import { RESERVED_SLUGS } from '@/lib/reservedSlugs'

/**
 * Who owns a top-level URL segment (`/{slug}`): one of the site's own routes, a category, or a
 * page without a parent. Each may take a segment only while the others leave it free; a child
 * page lives under its parent's path and only has to keep clear of the site's routes.
 */

const claimMessages = {
  reserved: (slug: string, what: 'category' | 'page') => `"${slug}" is already a page of the site (/${slug}), so it cannot name a ${what}. Choose another slug.`,
  category: (slug: string) => `"${slug}" is the slug of a category (/${slug}), so a top-level page cannot take it. Choose another slug, or put the page under a parent.`,
  page: (slug: string) => `"${slug}" is the slug of a page (/${slug}), so a category cannot take it. Choose another slug.`,
}

type Check = { slug: string; req: PayloadRequest }

const taken = async ({ slug, req, collection, where }: Check & { collection: 'categories' | 'pages'; where?: Where }) => {
  const { totalDocs } = await req.payload.count({
    collection,
    where: { and: [{ slug: { equals: slug } }, ...(where ? [where] : [])] },
    overrideAccess: true,
    req,
  })
  return totalDocs > 0
}

/** A page's slug: never a site route; at the top level, never a category's. */
export async function checkPageSlug({ slug, req, topLevel }: Check & { topLevel: boolean }): Promise<string | true> {
  if (RESERVED_SLUGS.has(slug)) return claimMessages.reserved(slug, 'page')
  if (topLevel && (await taken({ slug, req, collection: 'categories' }))) return claimMessages.category(slug)
  return true
}

/** A category's slug: never a site route nor a top-level page's (drafts count: publishing one must not be refused later). */
export async function checkCategorySlug({ slug, req }: Check): Promise<string | true> {
  if (RESERVED_SLUGS.has(slug)) return claimMessages.reserved(slug, 'category')
  if (await taken({ slug, req, collection: 'pages', where: { parent: { exists: false } } })) return claimMessages.page(slug)
  return true
}
