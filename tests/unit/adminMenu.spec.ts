import type { Config } from 'payload'

import { describe, expect, it } from 'vitest'

import { ADMIN_MENU, adminMenu } from '@/admin/menu'

/** The admin sidebar's groups: each collection and global gets the group the menu names, and a gap stops the build. */

const config = (collections: string[], globals: string[] = []) =>
  ({
    collections: collections.map((slug) => ({ slug, admin: { useAsTitle: 'title' }, fields: [] })),
    globals: globals.map((slug) => ({ slug, fields: [] })),
  }) as unknown as Config

describe('Admin menu', () => {
  it('puts each collection and global in its group and keeps their other admin settings', async () => {
    const placed = await adminMenu({ Content: ['articles'], Comments: ['comments', 'discussion'] })(config(['articles', 'comments'], ['discussion']))
    expect(placed.collections?.map((c) => [c.slug, c.admin?.group, c.admin?.useAsTitle])).toEqual([
      ['articles', 'Content', 'title'],
      ['comments', 'Comments', 'title'],
    ])
    expect(placed.globals?.map((g) => [g.slug, g.admin?.group])).toEqual([['discussion', 'Comments']])
  })

  it('refuses a collection or global the menu does not place', async () => {
    await expect(async () => adminMenu({ Content: ['articles'] })(config(['articles', 'polls']))).rejects.toThrow('the collection "polls" has no group')
    await expect(async () => adminMenu({ Content: ['articles'] })(config(['articles'], ['footer']))).rejects.toThrow('the global "footer" has no group')
  })

  it('refuses a place with nothing in it, such as a misspelt slug', async () => {
    await expect(async () => adminMenu({ Content: ['articles', 'artciles'] })(config(['articles']))).rejects.toThrow('no collection or global is called artciles')
  })

  it('refuses a slug placed in two groups', () => {
    expect(() => adminMenu({ Content: ['tags'], Admin: ['tags'] })).toThrow('"tags" is placed in both Content and Admin')
  })

  it('names each slug once across the newsroom menu', () => {
    const slugs = Object.values(ADMIN_MENU).flat()
    expect(new Set(slugs).size).toBe(slugs.length)
  })
})
