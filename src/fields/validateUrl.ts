const messages = {
  invalid: 'Enter a full web address starting with https:// or http://.',
}

/** Optional absolute http(s) URL: empty is fine, anything else must parse. */
export function validateUrl(value: string | null | undefined): string | true {
  if (!value) return true
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:' ? true : messages.invalid
  } catch {
    return messages.invalid // new URL throws on malformed input; that is the answer
  }
}
