'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/**
 * Moves the moderator from the queue shown on the dashboard to the queue's own page, keeping the
 * search. A client-side replace keeps the dashboard's copy on screen until the page is ready, so
 * nothing blank shows in between; and from then on the page is the queue's own (a refresh after an
 * action re-renders it in place, keeping its undo and focus).
 */
export function LandOnQueue({ href }: { href: string }) {
  const router = useRouter()
  useEffect(() => {
    router.replace(`${href}${window.location.search}`)
  }, [href, router])
  return null
}
