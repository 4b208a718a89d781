import type { TimezonesConfig } from 'payload'

/**
 * The admin's time zones: Payload's list, with UTC, and the newsroom's zone (BYLINE_TIME_ZONE)
 * chosen by default. The Schedule drawer reads the chosen time in it and lists upcoming publishes
 * in it, so "Publish at 09:00" means 09:00 on the newsroom's clocks, whatever the browser's zone.
 * UTC is always listed so the generated SupportedTimezones type does not depend on the setting.
 */
export function adminTimeZones(newsroomZone: string): TimezonesConfig {
  return {
    defaultTimezone: newsroomZone,
    supportedTimezones: ({ defaultTimezones }) => {
      const zones = [{ label: '(UTC) Coordinated Universal Time', value: 'UTC' }, ...defaultTimezones]
      return zones.some((zone) => zone.value === newsroomZone) ? zones : [...zones, { label: newsroomZone, value: newsroomZone }]
    },
  }
}
