// No imports: the comment rules that use it run in the admin's browser bundle too.

/** An absolute http(s) URL: a commenter's website, a custom redirect target, an author's links. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false
  const { protocol } = new URL(value)
  return protocol === 'https:' || protocol === 'http:'
}
