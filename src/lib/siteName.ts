import { readSiteName } from './env'

/**
 * The newsroom's name (BYLINE_SITE_NAME, "Byline" by default): the masthead, page titles, feeds,
 * mail, structured data, and the signature of the newsroom's replies. Start-up has already
 * refused a malformed one (src/lib/env.ts); set the same value for the build and the servers.
 */
export const SITE_NAME = readSiteName()
