'use client'

import type { Column } from 'payload'

import { Pagination, Table, useListQuery } from '@payloadcms/ui'

/** The versions table and its page links, as Payload's own versions list lays them out. */
export function VersionsTable({ columns }: { columns: Column[] }) {
  const { data, handlePageChange } = useListQuery()
  if (!data?.totalDocs) return <div className="versions__no-versions">No versions found.</div>
  return (
    <>
      <Table columns={columns} data={data.docs} />
      <div className="versions__page-controls">
        <Pagination
          hasNextPage={data.hasNextPage}
          hasPrevPage={data.hasPrevPage}
          limit={data.limit}
          nextPage={data.nextPage ?? undefined}
          numberOfNeighbors={1}
          onChange={handlePageChange}
          page={data.page}
          prevPage={data.prevPage ?? undefined}
          totalPages={data.totalPages}
        />
      </div>
    </>
  )
}
