import { SEARCH_MAX_LENGTH } from '@/search/query'

type SearchFormProps = {
  /** Distinguishes the header's form from the search page's own (ids and landmark names must be unique). */
  id: string
  label: string
  query?: string
  className?: string
}

/** A plain GET form to /search: it works before (and without) any JavaScript. */
export function SearchForm({ id, label, query = '', className = 'search-form' }: SearchFormProps) {
  const inputId = `${id}-q`
  return (
    <form role="search" aria-label={label} action="/search" method="get" className={className}>
      <label htmlFor={inputId}>{label}</label>
      <input id={inputId} type="search" name="q" defaultValue={query} maxLength={SEARCH_MAX_LENGTH} autoComplete="off" />
      <button type="submit">Search</button>
    </form>
  )
}
