/**
 * `?page=` as a page number: absent means 1; anything but a positive whole number (or a
 * repeated parameter) is null, which pages answer with a 404 rather than guessing.
 */
export function parsePageParam(raw: string | string[] | undefined): number | null {
  if (raw === undefined) return 1
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) return null
  return Number(raw)
}
