'use client'

import { useAuth } from '@payloadcms/ui'

import './avatar.css'

/** "Ada Lovelace" → "AL", "Prince" → "P", nothing usable → "". */
function initialsOf(name: string | null | undefined): string {
  const words = (name ?? '').trim().split(/\s+/u).filter(Boolean)
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words
  return letters.map((word) => Array.from(word)[0]?.toLocaleUpperCase() ?? '').join('')
}

/**
 * The staff member's avatar in the admin's header: their initials, drawn here. Payload's default
 * is Gravatar, which sends every staff member's email hash to gravatar.com on every admin page
 * and shows a broken image offline; nothing leaves the newsroom's own server now.
 */
export function InitialsAvatar() {
  const { user } = useAuth<{ name?: string | null; email?: string | null }>()
  const initials = initialsOf(user?.name) || initialsOf(user?.email?.split('@')[0])
  return (
    <span className="byline-avatar" aria-hidden="true">
      {initials}
    </span>
  )
}
