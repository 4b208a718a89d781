export { ViewBeacon } from './ViewBeacon.client'
export type { ViewBeaconProps } from './ViewBeacon.client'
