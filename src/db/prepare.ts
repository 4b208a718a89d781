/**
 * `npm run prepare-db`: runs before dev, build and start. Migrates the database and, when it is
 * empty, fills it with the demo newsroom, so the first start of a fresh clone shows a site.
 */
import { skipsDemoContent } from '@/lib/env'
import { printCredentials, seed } from '@/seed'

import { bootPayload, runCommand } from './bootstrap'

runCommand(async () => {
  const { env, payload } = await bootPayload()
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs === 0 && !skipsDemoContent()) {
    payload.logger.info('Empty database: adding the demo newsroom…')
    const { credentials } = await seed({ payload, dataDir: env.dataDir, log: (line) => payload.logger.info(line) })
    printCredentials({ credentials, dataDir: env.dataDir })
  }
  await payload.destroy()
})
