/** `npm run seed`: adds whatever part of the demo newsroom is missing; a second run adds nothing. */
import { bootPayload, runCommand } from '@/db/bootstrap'

import { printCredentials, seed } from './index'

runCommand(async () => {
  const { env, payload } = await bootPayload()
  const { credentials } = await seed({ payload, dataDir: env.dataDir, log: (line) => payload.logger.info(line) })
  printCredentials({ credentials, dataDir: env.dataDir })
  await payload.destroy()
})
