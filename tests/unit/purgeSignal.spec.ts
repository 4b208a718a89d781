import { AsyncLocalStorage } from 'node:async_hooks'
import { EventEmitter } from 'node:events'
import type { ServerResponse } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { announcePurge, subscribeToPurges } from '@/cache/purgeSignal'

describe('purging from the application', () => {
  afterEach(() => {
    subscribeToPurges(undefined as never)
    vi.useRealTimers()
  })

  it('purges at once and again when the request that changed content has been answered', () => {
    const requests = new AsyncLocalStorage<ServerResponse>()
    const purge = vi.fn()
    subscribeToPurges({ purge, requests })
    const response = Object.assign(new EventEmitter(), { writableFinished: false }) as unknown as ServerResponse
    requests.run(response, () => announcePurge())
    expect(purge).toHaveBeenCalledTimes(1)
    response.emit('close')
    expect(purge).toHaveBeenCalledTimes(2)
  })

  it('outside a request, purges at once and again a second later', () => {
    vi.useFakeTimers()
    const purge = vi.fn()
    subscribeToPurges({ purge, requests: new AsyncLocalStorage<ServerResponse>() })
    announcePurge()
    expect(purge).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1_000)
    expect(purge).toHaveBeenCalledTimes(2)
  })
})
