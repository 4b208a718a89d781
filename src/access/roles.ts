export const ROLES = ['admin', 'editor', 'writer', 'contributor', 'moderator'] as const

export type Role = (typeof ROLES)[number]

// `id` keeps the type from being "weak", so the admin's ClientUser (an index signature) is accepted too.
type MaybeUser = { id: unknown; roles?: readonly string[] | null } | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((role) => (roles as readonly string[]).includes(role)))
}
