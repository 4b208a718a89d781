import type { Payload } from 'payload'

import type { RedirectRule } from './paths'

import { PUBLIC_ARTICLES } from '@/access/canReadArticle'
import { PUBLIC_PAGES } from '@/access/canReadPage'
import { recall, remember } from '@/cache/records'
import { tag } from '@/cache/tags'
import { articleHref } from '@/lib/urls'
import { pagePath } from '@/routing/pagePath'

import { buildTable, findRedirect } from './paths'
import { relationId } from '@/lib/relationId'

/**
 * The whole redirect set in memory, read once and kept until a redirect changes, a category
 * changes (article URLs name it) or a document a redirect refers to changes (its URL may have):
 * then the next request reads it again. The server asks it before routing; a request that no
 * redirect matches costs a few map lookups. In shared mode the purge log expires it on every
 * instance, as every other remembered record (src/cache/records.ts).
 */

/** Rows read per query while loading: bounded memory on a site with a long WordPress history. */
const PAGE = 1000

type Reference = { relationTo: 'articles' | 'pages'; value: unknown }
type RedirectDoc = { from: string; type?: string | null; to?: { type?: string | null; url?: string | null; reference?: Reference | null } | null }

type Table = ReturnType<typeof buildTable>

async function loadTable(payload: Payload): Promise<{ table: Table; documents: string[] }> {
  const redirects: RedirectDoc[] = []
  for (let page = 1; ; page += 1) {
    const result = await payload.find({ collection: 'redirects', overrideAccess: true, depth: 0, limit: PAGE, page, sort: 'id' })
    redirects.push(...(result.docs as RedirectDoc[]))
    if (!result.hasNextPage) break
  }
  const wanted = { articles: new Set<string>(), pages: new Set<string>() }
  for (const redirect of redirects) {
    const reference = redirect.to?.type === 'reference' ? redirect.to.reference : null
    const id = reference ? relationId(reference.value) : null
    if (reference && id) wanted[reference.relationTo].add(id)
  }
  const urls = await currentUrls(payload, wanted)
  const rules: RedirectRule[] = []
  for (const redirect of redirects) {
    const status = redirect.type === '302' ? 302 : 301
    if (redirect.to?.type === 'custom' && redirect.to.url) rules.push({ from: redirect.from, to: redirect.to.url, status })
    const reference = redirect.to?.type === 'reference' ? redirect.to.reference : null
    // A reference to a document the public cannot see (unpublished, deleted) redirects nowhere.
    const to = reference ? urls.get(`${reference.relationTo}:${relationId(reference.value)}`) : undefined
    if (to) rules.push({ from: redirect.from, to, status })
  }
  const documents = [...[...wanted.articles].map(tag.article), ...[...wanted.pages].map(tag.page)]
  return { table: buildTable(rules), documents }
}

/** The public URLs of the documents redirects refer to, published ones only. */
async function currentUrls(payload: Payload, wanted: { articles: Set<string>; pages: Set<string> }): Promise<Map<string, string>> {
  const urls = new Map<string, string>()
  const system = { overrideAccess: true, depth: 0, pagination: false } as const
  if (wanted.articles.size > 0) {
    const [{ docs: articles }, { docs: categories }] = await Promise.all([
      payload.find({ ...system, collection: 'articles', where: { and: [{ id: { in: [...wanted.articles] } }, PUBLIC_ARTICLES] }, select: { slug: true, category: true } }),
      payload.find({ ...system, collection: 'categories', select: { slug: true } }),
    ])
    const categorySlugs = new Map(categories.map((category) => [String(category.id), category.slug]))
    for (const article of articles) {
      const categorySlug = categorySlugs.get(relationId(article.category) ?? '')
      if (categorySlug) urls.set(`articles:${article.id}`, articleHref({ categorySlug, slug: article.slug }))
    }
  }
  if (wanted.pages.size > 0) {
    const { docs: pages } = await payload.find({ ...system, collection: 'pages', where: { and: [{ id: { in: [...wanted.pages] } }, PUBLIC_PAGES] }, select: { slug: true, parent: true } })
    for (const page of pages) {
      const href = await pagePath({ payload, page, published: true })
      if (href) urls.set(`pages:${page.id}`, href)
    }
  }
  return urls
}

const TABLE_KEY = 'redirect-table'

/** The redirect table, from memory once loaded. */
function redirectTable(payload: Payload): Promise<Table> {
  return remember({
    key: TABLE_KEY,
    tags: [tag.redirects, tag.categories],
    tagsOf: (loaded) => loaded.documents,
    load: () => loadTable(payload),
  }).then((loaded) => loaded.table)
}

export type RedirectAnswer = { to: string; status: 301 | 302 }

/**
 * Where a reader's request (path and query) is sent, or null: at once while the table is in
 * memory, as it is for every request but the first after a change; else once it is read, with
 * Payload asked for only then. A promise per request cost the server's cached pages a tenth of
 * their rate (bench/RESULTS.md).
 */
export function lookUpRedirect(payload: Payload | (() => Promise<Payload>), pathAndQuery: string): RedirectAnswer | null | Promise<RedirectAnswer | null> {
  const loaded = recall<{ table: Table }>(TABLE_KEY)
  if (loaded) return findRedirect(loaded.table, pathAndQuery)
  const table = typeof payload === 'function' ? payload().then(redirectTable) : redirectTable(payload)
  return table.then((read) => findRedirect(read, pathAndQuery))
}
