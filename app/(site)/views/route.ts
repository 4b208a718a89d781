import { getPayloadClient } from '@/lib/payload'
import { recordView, sharedBeaconDeps } from '@/pageViews/beacon'

/**
 * The view beacon: the article page's ViewBeacon posts here after load, so pages stay cached and
 * only this small request is per reader. Answers 204 whatever it decides (src/pageViews/beacon.ts).
 */
export async function POST(request: Request) {
  return recordView({ request, ...sharedBeaconDeps(await getPayloadClient()) })
}
