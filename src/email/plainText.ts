/** One plain-text mail, as the notices build it and the email adapter sends it. */
export type Email = { to: string; subject: string; text: string; headers?: Record<string, string> }

/** The name the site signs its mail with, in subjects and footers. */
export { SITE_NAME as SITE } from '@/lib/siteName'

/**
 * Someone's words quoted in a plain-text mail, each line behind "> ". Plain text only: nothing a
 * reader or an editor typed can turn into markup in someone's mail client.
 */
export const quote = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')
