import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

import { forgetAllRecords, forgetRecords, MAX_RECORDS, recall, RECORD_TTL_MS, remember, rememberEach } from '@/cache/records'

/** A load that counts its calls and resolves when told to. */
function deferredLoad<T>() {
  const calls: ((value: T) => void)[] = []
  const load = vi.fn(() => new Promise<T>((resolve) => calls.push(resolve)))
  return { load, resolve: (value: T) => calls.shift()?.(value) }
}

describe('Remembered records', () => {
  beforeEach(() => forgetAllRecords())
  afterEach(() => {
    vi.useRealTimers()
    forgetAllRecords()
  })

  describe('remember', () => {
    it('loads once and shares the load with callers that arrive while it runs', async () => {
      const { load, resolve } = deferredLoad<string>()
      const first = remember({ key: 'k', tags: ['t'], load })
      const second = remember({ key: 'k', tags: ['t'], load })
      resolve('value')
      expect(await first).toBe('value')
      expect(await second).toBe('value')
      expect(await remember({ key: 'k', tags: ['t'], load })).toBe('value')
      expect(load).toHaveBeenCalledTimes(1)
    })

    it('loads again once one of its tags is forgotten, and keeps records under other tags', async () => {
      let version = 0
      const load = async () => `v${++version}`
      await remember({ key: 'author', tags: ['authors:1', 'media'], load })
      const other = vi.fn(async () => 'categories')
      await remember({ key: 'categories', tags: ['categories'], load: other })

      forgetRecords(['media'])
      expect(await remember({ key: 'author', tags: ['authors:1', 'media'], load })).toBe('v2')
      await remember({ key: 'categories', tags: ['categories'], load: other })
      expect(other).toHaveBeenCalledTimes(1)
    })

    it('loads again after its lifetime, even when nothing announced a change', async () => {
      vi.useFakeTimers()
      const load = vi.fn(async () => 'value')
      await remember({ key: 'k', tags: [], load })
      vi.advanceTimersByTime(RECORD_TTL_MS - 1)
      await remember({ key: 'k', tags: [], load })
      expect(load).toHaveBeenCalledTimes(1)
      vi.advanceTimersByTime(2)
      await remember({ key: 'k', tags: [], load })
      expect(load).toHaveBeenCalledTimes(2)
    })

    it('does not remember a failed load: the next caller asks again', async () => {
      const failing = vi.fn(async () => {
        throw new Error('database down')
      })
      await expect(remember({ key: 'k', tags: [], load: failing })).rejects.toThrow('database down')
      expect(await remember({ key: 'k', tags: [], load: async () => 'recovered' })).toBe('recovered')
    })

    it('keeps a value under the tags it turned out to show', async () => {
      const load = vi.fn(async () => ({ articles: ['a1', 'a2'] }))
      const tagsOf = (list: { articles: string[] }) => list.articles.map((id) => `articles:${id}`)
      await remember({ key: 'popular', tags: ['list:latest'], tagsOf, load })
      await new Promise((resolve) => setImmediate(resolve))
      forgetRecords(['articles:a2'])
      await remember({ key: 'popular', tags: ['list:latest'], tagsOf, load })
      expect(load).toHaveBeenCalledTimes(2)
    })

    it('does not keep a value whose tags were unknown while a change was forgotten', async () => {
      const { load, resolve } = deferredLoad<{ articles: string[] }>()
      const tagsOf = (list: { articles: string[] }) => list.articles.map((id) => `articles:${id}`)
      const pending = remember({ key: 'popular', tags: ['list:latest'], tagsOf, load })
      // The list read article a1 before a1 changed; the change could not be matched to it yet.
      forgetRecords(['articles:a1'])
      resolve({ articles: ['a1'] })
      expect(await pending).toEqual({ articles: ['a1'] })
      await new Promise((r) => setImmediate(r))
      const fresh = vi.fn(async () => ({ articles: ['a1'] }))
      await remember({ key: 'popular', tags: ['list:latest'], tagsOf, load: fresh })
      expect(fresh).toHaveBeenCalledTimes(1)
    })

    it('drops the oldest records past its bound', async () => {
      for (let i = 0; i <= MAX_RECORDS; i += 1) await remember({ key: `k${i}`, tags: [], load: async () => i })
      const oldest = vi.fn(async () => -1)
      expect(await remember({ key: 'k0', tags: [], load: oldest })).toBe(-1)
      const newest = vi.fn(async () => -1)
      expect(await remember({ key: `k${MAX_RECORDS}`, tags: [], load: newest })).toBe(MAX_RECORDS)
      expect(newest).not.toHaveBeenCalled()
    })
  })

  describe('recall', () => {
    it('answers what remember would, without a promise, once the load has resolved, and nothing once it is forgotten or old', async () => {
      vi.useFakeTimers()
      const { load, resolve } = deferredLoad<string>()
      const loading = remember({ key: 'k', tags: ['t'], load })
      expect(recall('k'), 'while it loads').toBeUndefined()
      resolve('value')
      await loading
      expect(recall('k')).toBe('value')
      forgetRecords(['t'])
      expect(recall('k'), 'after its tag is forgotten').toBeUndefined()

      await remember({ key: 'k', tags: ['t'], load: async () => 'again' })
      expect(recall('k')).toBe('again')
      vi.advanceTimersByTime(RECORD_TTL_MS + 1)
      expect(recall('k'), 'after its lifetime').toBeUndefined()
    })

    it('keeps the value through tagsOf, and has none for a load that saw a change while it ran', async () => {
      await remember({ key: 'list', tags: ['lists'], tagsOf: (ids: string[]) => ids.map((id) => `article:${id}`), load: async () => ['1', '2'] })
      expect(recall('list')).toEqual(['1', '2'])
      forgetRecords(['article:2'])
      expect(recall('list')).toBeUndefined()

      const { load, resolve } = deferredLoad<string[]>()
      const loading = remember({ key: 'list', tags: ['lists'], tagsOf: (ids) => ids.map((id) => `article:${id}`), load })
      forgetRecords(['unrelated'])
      resolve(['3'])
      await loading
      await Promise.resolve()
      expect(recall('list'), 'used once, not kept').toBeUndefined()
    })

    it('has nothing for a failed load', async () => {
      await expect(remember({ key: 'k', tags: [], load: async () => Promise.reject(new Error('down')) })).rejects.toThrow('down')
      expect(recall('k')).toBeUndefined()
    })
  })

  describe('rememberEach', () => {
    const authors = (ids: string[], loaded: string[][]) =>
      rememberEach<{ id: string }>({
        ids,
        key: (id) => `authors:${id}`,
        tags: (id) => [`authors:${id}`],
        loadMissing: async (missing) => {
          loaded.push(missing)
          return new Map(missing.filter((id) => id !== 'gone').map((id) => [id, { id }]))
        },
      })

    it('loads every missing id in one call, and only the missing ones next time', async () => {
      const loaded: string[][] = []
      const first = await authors(['a', 'b', 'a'], loaded)
      expect([...first.keys()]).toEqual(['a', 'b'])
      expect(first.get('b')).toEqual({ id: 'b' })
      await authors(['a', 'b', 'c'], loaded)
      expect(loaded).toEqual([['a', 'b'], ['c']])
    })

    it('remembers a missing document as null until a change to it is announced', async () => {
      const loaded: string[][] = []
      expect((await authors(['gone'], loaded)).get('gone')).toBeNull()
      expect((await authors(['gone'], loaded)).get('gone')).toBeNull()
      expect(loaded).toEqual([['gone']])
      forgetRecords(['authors:gone'])
      await authors(['gone'], loaded)
      expect(loaded).toEqual([['gone'], ['gone']])
    })

    it('asks the database for nothing when every id is remembered or none is given', async () => {
      const loaded: string[][] = []
      expect((await authors([], loaded)).size).toBe(0)
      await authors(['a'], loaded)
      await authors(['a'], loaded)
      expect(loaded).toEqual([['a']])
    })
  })
})
