import { isHttpUrl } from '@/lib/httpUrl'

const messages = {
  invalid: 'Enter a full web address starting with https:// or http://.',
}

/** Optional absolute http(s) URL: empty is fine, anything else must parse. */
export function validateUrl(value: string | null | undefined): string | true {
  if (!value) return true
  return isHttpUrl(value) ? true : messages.invalid
}
