import { buildConfig } from 'payload'
import path from 'node:path'
import sharp from 'sharp'
import { fileURLToPath } from 'node:url'

import { Articles } from './collections/Articles'
import { Authors } from './collections/Authors'
import { Cast } from './collections/Cast'
import { Categories } from './collections/Categories'
import { Comments } from './collections/Comments'
import { Media } from './collections/Media'
import { Users } from './collections/Users'
import { Discussion } from './globals/Discussion'
import { revalidation } from './src/cache/hooks'
import { databaseAdapter } from './src/db/adapter'
import { articleEditor } from './src/fields/articleEditor'
import { readEnv } from './src/lib/env'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const env = readEnv()

export default buildConfig({
  serverURL: env.serverURL,
  secret: env.secret,
  db: databaseAdapter(env.database),
  editor: articleEditor,
  collections: [Articles, Comments, Authors, Cast, Categories, Media, Users],
  globals: [Discussion],
  // Expires the reader site's cached pages when what they show changes (src/cache).
  plugins: [revalidation],
  // Read by the comment hooks: how many proxies' X-Forwarded-For entries to skip.
  custom: { proxyHops: env.proxyHops },
  sharp,
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Byline' },
  },
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
  telemetry: false,
})
