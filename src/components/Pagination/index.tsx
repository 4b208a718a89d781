type PaginationProps = {
  page: number
  totalPages: number
  basePath: string
  /** Query parameters every page link keeps, such as search's q. */
  params?: Record<string, string>
}

function pageHref(basePath: string, page: number, params: Record<string, string> = {}) {
  const query = new URLSearchParams(params)
  if (page > 1) query.set('page', String(page))
  const search = query.toString()
  return search ? `${basePath}?${search}` : basePath
}

/** Newer / older links with the position, for listings paginated by ?page=. */
export function Pagination({ page, totalPages, basePath, params }: PaginationProps) {
  if (totalPages <= 1) return null
  return (
    <nav aria-label="Pagination" className="pagination">
      {page > 1 ? (
        <a href={pageHref(basePath, page - 1, params)} rel="prev">
          ← Newer
        </a>
      ) : (
        <span />
      )}
      <span>
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={pageHref(basePath, page + 1, params)} rel="next">
          Older →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
