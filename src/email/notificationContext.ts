/**
 * Set in a write's `context` by bulk system writes that must not email anyone: the demo seed sets
 * `seeding`, the WordPress import `disableNotifications`. Every notifying hook honours both.
 */
type NotificationContext = { seeding?: boolean; disableNotifications?: boolean }

export const notificationsDisabled = (context: Record<string, unknown>): boolean => {
  const { seeding, disableNotifications } = context as NotificationContext
  return seeding === true || disableNotifications === true
}
