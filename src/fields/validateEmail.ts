const messages = {
  required: 'An email address is required.',
  invalid: 'You have entered an incorrect email address!',
  tooLong: 'An email address can be at most 254 characters long.',
}

const EMAIL = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/

/** The reference page's email rule: present, plausible, and no longer than RFC 5321 allows. */
export function validateEmail(value: string | null | undefined): string | true {
  if (!value) return messages.required
  if (value.length > 254) return messages.tooLong
  return EMAIL.test(value) ? true : messages.invalid
}
