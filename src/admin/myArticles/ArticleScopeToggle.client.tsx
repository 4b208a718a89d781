'use client'

import { Button, useListDrawerContext, useListQuery, usePreferences } from '@payloadcms/ui'
import { useEffect, useRef } from 'react'

import type { ArticleScope } from './scope'

import { isMine, isUnfiltered, mineWhere, SCOPE_PREFERENCE } from './scope'

type Props = { authorIds: string[]; scope: ArticleScope }

export function ArticleScopeToggle({ authorIds, scope }: Props) {
  const { isInDrawer } = useListDrawerContext()
  const { query, handleWhereChange } = useListQuery()
  const { setPreference } = usePreferences()
  const applied = useRef(false)
  const showingMine = isMine(query.where, authorIds)

  // The default applies to a list opened without any filter, once; drawers (picking an article
  // to link to) always list everything.
  useEffect(() => {
    if (applied.current || isInDrawer) return
    applied.current = true
    if (scope === 'mine' && isUnfiltered(query) && handleWhereChange) void handleWhereChange(mineWhere(authorIds))
  }, [authorIds, handleWhereChange, isInDrawer, query, scope])

  if (isInDrawer || !handleWhereChange) return null

  const choose = async (next: ArticleScope) => {
    await setPreference(SCOPE_PREFERENCE, next)
    await handleWhereChange(next === 'mine' ? mineWhere(authorIds) : {})
  }

  return (
    <div className="article-scope" role="group" aria-label="Which articles">
      <Button buttonStyle={showingMine ? 'primary' : 'secondary'} size="small" onClick={() => void choose('mine')} aria-pressed={showingMine}>
        My articles
      </Button>
      <Button buttonStyle={showingMine ? 'secondary' : 'primary'} size="small" onClick={() => void choose('all')} aria-pressed={!showingMine}>
        All articles
      </Button>
    </div>
  )
}
