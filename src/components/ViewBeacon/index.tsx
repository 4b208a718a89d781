export { ViewBeacon } from './ViewBeacon'
export type { ViewBeaconProps } from './ViewBeacon'
