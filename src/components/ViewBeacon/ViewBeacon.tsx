import { VIEW_BEACON } from '@/pageViews/beaconPath'

export type ViewBeaconProps = { articleId: string }

/**
 * Marks the article for the view report that src/reader/enhance.ts sends once the page has
 * loaded and is really shown (Most Popular). The page itself stays cacheable; only that request
 * reaches the server per view.
 */
export function ViewBeacon({ articleId }: ViewBeaconProps) {
  return <span hidden data-view-beacon={articleId} data-beacon-path={VIEW_BEACON.path} data-beacon-field={VIEW_BEACON.field} />
}
