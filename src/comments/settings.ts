/**
 * The discussion settings the rules read. The `discussion` global stores them; these defaults
 * apply to anything the global leaves unset (a fresh database before anyone saves the settings).
 */
export type DiscussionSettings = {
  /** Hold every comment for moderation (WordPress: "Comment must be manually approved"). */
  holdAll: boolean
  /** Approve a commenter who already has an approved comment under the same name, email and website; wins over holdAll, not over a link. */
  approveKnownCommenters: boolean
  /** Hold a comment with more than this many links. */
  maxLinks: number
  /** One word or phrase per line: a match holds the comment. */
  moderationWords: string[]
  /** One word or phrase per line: a match marks the comment as spam. */
  blockedWords: string[]
  /** Close comments this many days after publication; null keeps them open. */
  closeAfterDays: number | null
  /** Deepest reply level: 1 allows no replies, 3 allows replies to replies. */
  threadDepth: number
  commentsPerPage: number
}

export const DEFAULT_SETTINGS: DiscussionSettings = {
  holdAll: true,
  approveKnownCommenters: true,
  maxLinks: 2,
  moderationWords: [],
  blockedWords: [],
  closeAfterDays: null,
  threadDepth: 3,
  commentsPerPage: 50,
}

/** The raw global as stored (every field optional, word lists as text), in the rules' shape. */
export type StoredDiscussion = {
  holdAll?: boolean | null
  approveKnownCommenters?: boolean | null
  maxLinks?: number | null
  moderationWords?: string | null
  blockedWords?: string | null
  closeAfterDaysEnabled?: boolean | null
  closeAfterDays?: number | null
  threadDepth?: number | null
  commentsPerPage?: number | null
}

const wordList = (text: string | null | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter(Boolean)

export function toSettings(stored: StoredDiscussion | null | undefined): DiscussionSettings {
  const s = stored ?? {}
  const pick = <K extends keyof DiscussionSettings>(key: K, value: DiscussionSettings[K] | null | undefined) =>
    value ?? DEFAULT_SETTINGS[key]
  return {
    holdAll: pick('holdAll', s.holdAll),
    approveKnownCommenters: pick('approveKnownCommenters', s.approveKnownCommenters),
    maxLinks: pick('maxLinks', s.maxLinks),
    moderationWords: wordList(s.moderationWords),
    blockedWords: wordList(s.blockedWords),
    closeAfterDays: s.closeAfterDaysEnabled && s.closeAfterDays ? s.closeAfterDays : null,
    threadDepth: pick('threadDepth', s.threadDepth),
    commentsPerPage: pick('commentsPerPage', s.commentsPerPage),
  }
}
