import type { Plugin } from 'payload'

/**
 * The admin sidebar's groups and what each holds. A group's name is spelled once here, not in
 * every collection, so a typo cannot open a stray group. Payload shows the groups in the order of
 * their first member in `collections`, then `globals` (payload.config.ts).
 */
export const ADMIN_MENU = {
  Content: ['articles', 'pages', 'cast', 'categories', 'tags', 'media', 'redirects'],
  Comments: ['comments', 'discussion'],
  Newsroom: ['authors', 'users'],
  Analytics: ['article-views'],
  Admin: ['import-sources'],
} as const satisfies Record<string, readonly string[]>

type Placed = { slug: string; admin?: { group?: unknown } }

/**
 * Puts each collection and global in its group. Runs as the last plugin, so the collections other
 * plugins add (redirects) are placed too. A collection or global with no place, a slug placed twice
 * and a place with no collection all stop the config from building.
 */
export function adminMenu(menu: Record<string, readonly string[]> = ADMIN_MENU): Plugin {
  const groupOf = new Map<string, string>()
  for (const [group, slugs] of Object.entries(menu)) {
    for (const slug of slugs) {
      if (groupOf.has(slug)) throw new Error(`Admin menu: "${slug}" is placed in both ${groupOf.get(slug)} and ${group}.`)
      groupOf.set(slug, group)
    }
  }
  return (config) => {
    const unplaced = new Set(groupOf.keys())
    const place = <T extends Placed>(entry: T, kind: string): T => {
      const group = groupOf.get(entry.slug)
      if (!group) throw new Error(`Admin menu: the ${kind} "${entry.slug}" has no group in src/admin/menu.ts.`)
      unplaced.delete(entry.slug)
      return { ...entry, admin: { ...entry.admin, group } }
    }
    const collections = (config.collections ?? []).map((collection) => place(collection, 'collection'))
    const globals = (config.globals ?? []).map((global) => place(global, 'global'))
    if (unplaced.size > 0) throw new Error(`Admin menu: no collection or global is called ${[...unplaced].join(', ')}.`)
    return { ...config, collections, globals }
  }
}
