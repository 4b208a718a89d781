'use client'

import { useEffect, useRef } from 'react'

import { VIEW_BEACON } from '@/views/beaconPath'

export type ViewBeaconProps = { articleId: string }

/** document.prerendering (Speculation Rules) is not in TypeScript's DOM types yet. */
const isPrerendering = () => (document as Document & { prerendering?: boolean }).prerendering === true

function report(articleId: string) {
  const body = new URLSearchParams({ [VIEW_BEACON.field]: articleId })
  if (navigator.sendBeacon?.(VIEW_BEACON.path, body)) return
  // sendBeacon is missing or refused the request (its queue is full): a keepalive fetch also outlives the page.
  fetch(VIEW_BEACON.path, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {
    // A view that could not be reported is simply not counted; nothing for the reader to see or do.
  })
}

/**
 * Reports one page view of the article, once the page has loaded and is really shown: a page
 * prerendered by the browser on speculation waits until the reader opens it. Renders nothing.
 * The page itself stays cacheable; only this request reaches the server per view.
 */
export function ViewBeacon({ articleId }: ViewBeaconProps) {
  // Development's Strict Mode runs effects twice; one page view is one report.
  const reported = useRef<string | null>(null)

  useEffect(() => {
    const send = () => {
      if (reported.current === articleId) return
      reported.current = articleId
      report(articleId)
    }
    const whenShown = () => (isPrerendering() ? document.addEventListener('prerenderingchange', send, { once: true }) : send())
    if (document.readyState === 'complete') whenShown()
    else window.addEventListener('load', whenShown, { once: true })
    return () => {
      window.removeEventListener('load', whenShown)
      document.removeEventListener('prerenderingchange', send)
    }
  }, [articleId])

  return null
}
