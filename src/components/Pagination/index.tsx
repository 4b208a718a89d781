type PaginationProps = { page: number; totalPages: number; basePath: string }

const pageHref = (basePath: string, page: number) => (page <= 1 ? basePath : `${basePath}?page=${page}`)

/** Newer / older links with the position, for listings paginated by ?page=. */
export function Pagination({ page, totalPages, basePath }: PaginationProps) {
  if (totalPages <= 1) return null
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? (
        <a href={pageHref(basePath, page - 1)} rel="prev">
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={pageHref(basePath, page + 1)} rel="next">
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
