import type { AsyncLocalStorage } from 'node:async_hooks'
import type { ServerResponse } from 'node:http'

/**
 * The signal that kept pages went out of date, raised by the application whenever Next expires a
 * tag (./expire.ts) and heard by whoever keeps pages outside Next: the production server's
 * response cache and page store (src/productionServer) subscribe. The server and the application
 * bundled by Next load separate copies of every module, so they meet on a global; under
 * `next start` or `next dev` nobody subscribes and announcing is a no-op.
 */
type PurgeTarget = {
  purge: () => void
  /** The response of the request being handled, tracked by the server through async context. */
  requests: AsyncLocalStorage<ServerResponse>
}

const KEY = Symbol.for('byline.responseCache')

type WithTarget = { [KEY]?: PurgeTarget }

export function subscribeToPurges(target: PurgeTarget) {
  ;(globalThis as WithTarget)[KEY] = target
}

/** A fallback for changes made outside any request: long enough for Next to have expired its tags. */
const LATE_PURGE_MS = 1_000

/**
 * Called with Next's revalidateTag. Purges now, so no reader gets the old page from memory, and
 * again when the request that made the change has been answered: Next expires tags at the end of
 * a route handler, so a reader arriving in between may have refilled the cache from Next's
 * not-yet-expired page.
 */
export function announcePurge() {
  const target = (globalThis as WithTarget)[KEY]
  if (!target) return
  target.purge()
  const response = target.requests.getStore()
  if (response && !response.writableFinished) {
    response.once('close', target.purge)
  } else {
    setTimeout(target.purge, LATE_PURGE_MS).unref()
  }
}
