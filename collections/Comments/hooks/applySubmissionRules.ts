import type { CollectionBeforeChangeHook } from 'payload'

import type { BotSignals } from '@/comments/spam'

import type { Comment } from '@/payload-types'

import { MODERATORS, ROLES, hasRole } from '@/access/roles'
import { payloadSubmissionDeps } from '@/comments/stores'
import { ruleNoteOf } from '@/comments/policy'
import { FORM_FIELDS } from '@/comments/spam'
import { checkSubmission, FloodError } from '@/comments/submit'

/** Set by server code that submits on a reader's behalf (the no-JavaScript form route). */
export type SubmissionContext = { commentSubmission?: { signals: BotSignals } }

/**
 * A reader's new comment goes through the rules in src/comments: validation, closed articles,
 * threading, bot traps, flood and duplicates, then the status the policy decides. Applies to
 * REST and GraphQL, and to Local API calls that say they submit for a reader; other server code
 * (the seed, moderators' own tools) writes comments as given. Moderators are not readers here.
 */
export const applySubmissionRules: CollectionBeforeChangeHook<Comment> = async ({ data, operation, req, context }) => {
  if (operation !== 'create') return data
  const submission = (context as SubmissionContext).commentSubmission
  if (req.payloadAPI === 'local' && !submission) return data
  if (hasRole(req.user, ...MODERATORS)) return data

  const raw = (req.data ?? {}) as Record<string, unknown>
  const signals = submission?.signals ?? { honeypot: raw[FORM_FIELDS.honeypot], issuedAt: raw[FORM_FIELDS.issuedAt] }
  try {
    const { value, decision } = await checkSubmission(
      {
        input: data,
        signals,
        sender: { ipHash: data.ipHash ?? null, staff: hasRole(req.user, ...ROLES) },
        now: new Date(),
        secret: req.payload.secret,
      },
      payloadSubmissionDeps(req),
    )
    req.payload.logger.info({ msg: 'comment submitted', status: decision.status, reason: decision.reason, article: value.article })
    // Why it was held or filed as spam, for the queue to show (src/comments/policy.ts).
    return { ...data, ...value, status: decision.status, spamReason: ruleNoteOf(decision) }
  } catch (error) {
    // Payload's error response carries the request's response headers.
    if (error instanceof FloodError) req.responseHeaders = new Headers({ 'Retry-After': String(error.retryAfter) })
    throw error
  }
}
