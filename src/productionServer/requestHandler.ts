import type { IncomingMessage, ServerResponse } from 'node:http'

import { locationOf } from '@/redirects/paths'
import { registeredRedirectLookup } from '@/redirects/registry'
import type { RedirectAnswer } from '@/redirects/table'

import { type TrustedProxies, vouchForClient } from './clientAddress'
import type { DesignedNotFound } from './designedNotFound'
import { forLog } from './logText'
import type { Handle, PagePipeline } from './pagePipeline'
import { isGuardedWrite, isImpossiblePath, isPageRequest, NOT_FOUND_PATH } from './requestKinds'

/** The page, or the redirect an editor set for its address. */
function pageOrRedirect(pipeline: PagePipeline, req: IncomingMessage, res: ServerResponse, redirect: RedirectAnswer | null) {
  if (!redirect) return pipeline.readerPage(req, res)
  // no-cache: a browser asks again (cheaply) rather than keeping a redirect an editor may change.
  res.writeHead(redirect.status, { location: locationOf(redirect.to), 'cache-control': 'no-cache', 'x-accel-expires': '0' })
  res.end()
}

/** The database is down or the redirect table unreadable: the page itself may still be served. */
function redirectsUnreadable(pipeline: PagePipeline, req: IncomingMessage, res: ServerResponse, error: unknown) {
  console.error('Could not read the redirects for', forLog(req.url), error)
  pipeline.readerPage(req, res)
}

/**
 * Which way each request goes. The server's own request for the designed 404 and everything that
 * is not a reader page (the admin, the API's reads, assets, client navigations) go to Next as
 * under `next start`; writes to the API and the comment form go through the outage guard; an old
 * address an editor redirected (src/redirects) is answered from the redirect table in memory;
 * every other reader page goes through the page pipeline.
 */
export function requestHandler({ handle, pipeline, notFound, trusted }: { handle: Handle; pipeline: PagePipeline; notFound: DesignedNotFound; trusted: TrustedProxies }) {
  const failed = (req: IncomingMessage, res: ServerResponse) => (error: unknown) => {
    console.error('Could not answer', req.method, forLog(req.url), error)
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Internal Server Error')
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    // From here on the app sees one address as the client's, the one this server can vouch for:
    // flood control, view counts and login throttles read it (src/lib/ipAddress.ts).
    vouchForClient(req, trusted)
    if (notFound.isOwnRequest(req)) return void handle(req, res)
    // The designed page's own address is not a page: asked for directly, it is a 404 like any other.
    if (req.url?.split('?', 1)[0] === NOT_FOUND_PATH) req.url = `${NOT_FOUND_PATH}/none`
    if (isGuardedWrite(req)) return void pipeline.guardedWrite(req, res).catch(failed(req, res))
    if (!isPageRequest(req)) return void handle(req, res)
    if (isImpossiblePath(req.url)) return void pipeline.impossible(req, res).catch(failed(req, res))
    const lookUpRedirect = registeredRedirectLookup()
    if (!lookUpRedirect) return pipeline.readerPage(req, res)
    let answer: ReturnType<typeof lookUpRedirect>
    try {
      answer = lookUpRedirect(req.url as string)
    } catch (error) {
      return redirectsUnreadable(pipeline, req, res, error)
    }
    // In memory (nearly every request): answered in this turn, with no promise to wait for. A
    // thenable test, not instanceof: the lookup comes from Next's bundle of the application.
    if (answer === null || !('then' in answer)) return pageOrRedirect(pipeline, req, res, answer)
    answer.then(
      (redirect) => pageOrRedirect(pipeline, req, res, redirect),
      (error: unknown) => redirectsUnreadable(pipeline, req, res, error),
    )
  }
}
