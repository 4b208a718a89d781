import { createHash } from 'node:crypto'

import { enhanceReaderPage } from './enhance'

/** The reader pages' script: src/reader/enhance.ts as the build compiled it, run at once. */
export const READER_SCRIPT = `(${enhanceReaderPage.toString()})();\n`

/** Its address, with a fingerprint of the content so that browsers may keep it for good. */
export const READER_SCRIPT_SRC = `/reader.js?v=${createHash('sha256').update(READER_SCRIPT).digest('base64url').slice(0, 12)}`
