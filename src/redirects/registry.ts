import type { RedirectAnswer } from './table'

/**
 * How the production server (src/productionServer/requestHandler.ts) asks the application for redirects. The
 * server and the application bundled by Next load separate copies of every module, so they meet
 * on a global, which instrumentation.ts fills with a lookup over the application's Payload.
 * Under `next start` or `next dev` nobody asks.
 */
const KEY = Symbol.for('byline.redirects')

/** The answer at once when the redirect table is in memory, else a promise of it. */
type RedirectLookup = (pathAndQuery: string) => RedirectAnswer | null | Promise<RedirectAnswer | null>

type WithLookup = { [KEY]?: RedirectLookup }

export function registerRedirectLookup(lookup: RedirectLookup): void {
  ;(globalThis as WithLookup)[KEY] = lookup
}

export function registeredRedirectLookup(): RedirectLookup | null {
  return (globalThis as WithLookup)[KEY] ?? null
}
