'use client'

import { useEffect } from 'react'

/**
 * Gives the queue shown on the dashboard the queue's own address, so a reload, a bookmark and the
 * tabs' links all agree. Next's router follows the History API, so nothing is fetched again.
 */
export function LandOnQueue({ href }: { href: string }) {
  useEffect(() => {
    const search = window.location.search
    window.history.replaceState(null, '', `${href}${search}`)
  }, [href])
  return null
}
