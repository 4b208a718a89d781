/** At most this much of a URL goes into a log line: a 10,000-character slug must not write 10 KB lines. */
const LOGGED_URL_CHARS = 200

/** A request URL as a log line shows it: whole when short, else its start and its length. */
export function forLog(url: string | undefined): string {
  if (url === undefined) return '(no URL)'
  return url.length <= LOGGED_URL_CHARS ? url : `${url.slice(0, LOGGED_URL_CHARS)}… (${url.length} characters)`
}
