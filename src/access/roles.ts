export const ROLES = ['admin', 'editor', 'writer', 'contributor', 'moderator'] as const

export type Role = (typeof ROLES)[number]

/**
 * Who does what, named once: "who moderates" is one edit here. Access rules and admin screens
 * pass these to hasRole rather than spelling the roles out.
 */
/** Run the newsroom: anyone's articles, pages, categories, redirects, the front page. */
export const EDITORS = ['admin', 'editor'] as const satisfies readonly Role[]
/** Publish (their own articles, or anyone's for editors). */
export const WRITERS = ['admin', 'editor', 'writer'] as const satisfies readonly Role[]
/** Write articles at all: contributors draft and submit for review. */
export const CONTRIBUTORS = ['admin', 'editor', 'writer', 'contributor'] as const satisfies readonly Role[]
/** Decide on comments. */
export const MODERATORS = ['admin', 'editor', 'moderator'] as const satisfies readonly Role[]
/** Read the comment queue: the moderators, and writers, who see what readers say about their work. */
export const COMMENT_READERS = ['admin', 'editor', 'moderator', 'writer'] as const satisfies readonly Role[]
/** Write under their own byline only. */
export const BYLINE_ONLY = ['writer', 'contributor'] as const satisfies readonly Role[]

/**
 * Who is told of work waiting for them: the accounts with the role itself, and the others only
 * where the newsroom has nobody in it (so a newsroom with moderators does not mail its editors
 * every held comment).
 */
export const NOTIFIED = {
  /** A comment held for moderation. */
  heldComments: { first: ['moderator'], otherwise: EDITORS },
  /** A draft submitted for review. */
  submittedDrafts: { first: ['editor'], otherwise: ['admin'] },
} as const satisfies Record<string, { first: readonly Role[]; otherwise: readonly Role[] }>

// `id` keeps the type from being "weak", so the admin's ClientUser (an index signature) is accepted too.
type MaybeUser = { id: unknown; roles?: readonly string[] | null } | null | undefined

export function hasRole(user: MaybeUser, ...roles: Role[]): boolean {
  return Boolean(user?.roles?.some((role) => (roles as readonly string[]).includes(role)))
}
