import { describe, expect, it } from 'vitest'

import type { Role } from '@/access/roles'

import { initialScope, isMine, isUnfiltered, mineWhere } from '@/admin/myArticles/scope'

describe('Editorial workflow', () => {
  describe('“My articles” in the article list', () => {
    const as = (roles: Role[]) => ({ id: 'someone', roles })

    it('starts writers and contributors on their own articles, editors on everything', () => {
      expect(initialScope({ user: as(['writer']), stored: undefined })).toBe('mine')
      expect(initialScope({ user: as(['contributor']), stored: undefined })).toBe('mine')
      expect(initialScope({ user: as(['editor', 'writer']), stored: undefined })).toBe('all')
      expect(initialScope({ user: as(['admin']), stored: undefined })).toBe('all')
    })

    it('keeps the choice a user made last', () => {
      expect(initialScope({ user: as(['writer']), stored: 'all' })).toBe('all')
      expect(initialScope({ user: as(['editor']), stored: 'mine' })).toBe('mine')
    })

    it('recognises its own filter as it comes back from the URL, and replaces only an empty query', () => {
      expect(isMine(mineWhere(['a', 'b']), ['a', 'b'])).toBe(true)
      expect(isMine({ authors: { in: 'b,a' } }, ['a', 'b'])).toBe(true)
      expect(isMine({ authors: { in: ['a'] }, _status: { equals: 'draft' } }, ['a'])).toBe(false)
      expect(isUnfiltered({ where: {}, search: '' })).toBe(true)
      expect(isUnfiltered({ where: { _status: { equals: 'draft' } } })).toBe(false)
      expect(isUnfiltered({ search: 'season' })).toBe(false)
    })
  })
})
