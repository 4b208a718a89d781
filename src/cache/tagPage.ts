import 'server-only'

import { unstable_cache } from 'next/cache'

import { MAX_TAGS_PER_PAGE } from './tags'
import { compiledByNext } from '@/lib/env'

const alwaysTrue = async () => true

/**
 * Attaches cache tags to the page being rendered. While Next statically generates a page, it
 * gathers the tags of every `unstable_cache` call into the page's cache entry; this call caches
 * nothing worth having (a constant) and exists to carry the tags. Data is read fresh whenever a
 * page is regenerated, so an expired tag can never be answered from a stale data cache.
 *
 * The data readers in src/lib call it for what they return, so a page is tagged for everything
 * it shows without knowing about the cache. In a page rendered per request (a reader's own view,
 * a preview) the tags simply go unused; outside Next (tests, scripts) there is no page to tag.
 */
export async function tagPage(tags: Iterable<string>): Promise<void> {
  if (!compiledByNext()) return
  const unique = [...new Set(tags)].sort()
  if (unique.length === 0) return
  if (unique.length > MAX_TAGS_PER_PAGE) {
    // Next would drop the extra tags, and the page would miss invalidations: say so loudly.
    console.error(`tagPage: ${unique.length} tags exceed Next's ${MAX_TAGS_PER_PAGE} per page; the page may go stale`)
  }
  await unstable_cache(alwaysTrue, ['byline-page-tags', ...unique], { tags: unique })()
}
