export const ROLES = ['admin', 'editor', 'writer', 'contributor', 'moderator'] as const

export type Role = (typeof ROLES)[number]

type MaybeUser = { roles?: readonly string[] | null } | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((role) => (roles as readonly string[]).includes(role)))
}
