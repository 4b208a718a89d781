'use client'

import type { ListViewClientProps } from 'payload'
import type { ReactNode } from 'react'

import { DefaultListView, useListDrawerContext } from '@payloadcms/ui'

/** Payload's list view with the grid in the table's place, except inside a picker drawer, whose table rows are the selection. */
export function MediaListLayout({ Grid, Table, ...props }: ListViewClientProps & { Grid: ReactNode }) {
  const { isInDrawer } = useListDrawerContext()
  return <DefaultListView {...props} Table={isInDrawer ? Table : Grid} />
}
