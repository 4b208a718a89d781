import { describe, expect, it } from 'vitest'

import { MemoryViewerStore, RecentViewers, VIEWERS_PER_ADDRESS } from '@/pageViews/recentViewers'

describe('Recent viewers', () => {
  const HOUR = 60 * 60 * 1000
  const headers = (ip: string, agent = 'Mozilla/5.0 Firefox/133.0') => new Headers({ 'x-forwarded-for': ip, 'user-agent': agent })
  const viewers = (options: { maxEntries?: number } = {}) => {
    const clock = { now: 0 }
    const memory = new MemoryViewerStore({ now: () => clock.now, ...options })
    return { clock, memory, recent: new RecentViewers({ secret: 's'.repeat(32), store: memory }) }
  }

  it('admits a reader once per article within the hour, and again once the hour has passed', async () => {
    const { clock, recent } = viewers()
    expect(await recent.admit({ headers: headers('192.0.2.1'), articleId: 'a' })).toBe(true)
    clock.now = HOUR - 1
    expect(await recent.admit({ headers: headers('192.0.2.1'), articleId: 'a' })).toBe(false)
    clock.now = HOUR
    expect(await recent.admit({ headers: headers('192.0.2.1'), articleId: 'a' })).toBe(true)
  })

  it('reads the address the proxy saw, not one the client wrote itself', async () => {
    const { recent } = viewers()
    expect(await recent.admit({ headers: headers('198.51.100.1, 192.0.2.1'), articleId: 'a' })).toBe(true)
    expect(await recent.admit({ headers: headers('198.51.100.2, 192.0.2.1'), articleId: 'a' })).toBe(false)
  })

  it('admits at most VIEWERS_PER_ADDRESS user agents from one address per article', async () => {
    const { recent } = viewers()
    const admitted = []
    for (let i = 0; i < VIEWERS_PER_ADDRESS + 3; i += 1) admitted.push(await recent.admit({ headers: headers('192.0.2.9', `Agent/${i}`), articleId: 'a' }))
    expect(admitted.filter(Boolean)).toHaveLength(VIEWERS_PER_ADDRESS)
    expect(await recent.admit({ headers: headers('192.0.2.9', 'Agent/0'), articleId: 'b' })).toBe(true)
  })

  it('forgets expired keys and never keeps more than it is allowed', async () => {
    const { clock, memory, recent } = viewers({ maxEntries: 50 })
    for (let i = 0; i < 200; i += 1) await recent.admit({ headers: headers(`192.0.2.${i}`), articleId: 'a' })
    expect(memory.size).toBeLessThanOrEqual(50)
    clock.now = HOUR
    await recent.admit({ headers: headers('192.0.2.1'), articleId: 'b' })
    expect(memory.size).toBe(2)
  })

  it('keeps no address or user agent, only hashes', async () => {
    const { memory, recent } = viewers()
    await recent.admit({ headers: headers('192.0.2.44', 'Agent/7'), articleId: 'a' })
    expect(memory.size).toBe(2)
    expect(JSON.stringify(memory.keys())).not.toMatch(/192\.0\.2\.44|Agent\/7/)
  })
})
