import type { SelectField, TimezonesConfig } from 'payload'

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

/**
 * For a date field's `timezone.override`: the field shows and takes its time in the newsroom's
 * zone whatever the browser's. Payload's date field reads the zone from a `<name>_tz` sibling and
 * would store it per document in a column of its own; here the sibling is virtual (no column, no
 * migration) and always reads as the admin's default zone, BYLINE_TIME_ZONE. The date itself is
 * stored as before, one instant; a zone picked in the editor only changes how that save reads it.
 */
export const inNewsroomZone = ({ baseField }: { baseField: SelectField }): SelectField => ({
  ...baseField,
  virtual: true,
  hooks: { afterRead: [({ req }) => req.payload.config.admin.timezones.defaultTimezone ?? 'UTC'] },
})
