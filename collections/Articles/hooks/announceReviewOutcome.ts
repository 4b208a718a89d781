import type { CollectionAfterOperationHook, PayloadRequest } from 'payload'

/**
 * What a write did to the review, in a few words, by request. Kept beside the request rather than
 * in `req.context`, which a Local API call made with the request in a later hook may replace.
 */
const outcomes = new WeakMap<PayloadRequest, string>()

/** Called by sendReviewNotices, which knows what the write did. */
export const setReviewOutcome = (req: PayloadRequest, message: string) => outcomes.set(req, message)

const SAVE_MESSAGES = new Set(['general:updatedSuccessfully', 'version:draftSavedSuccessfully', 'general:successfullyCreated'])

/**
 * Payload's REST handlers phrase the admin's toast from `req.t` once the operation has returned
 * ("Draft saved successfully."), and only the article's hooks know what the write did
 * ("Submitted for review", "Sent back to Sam Kerr", "Published"). So for this one request the
 * save messages say that instead; every other key translates as before. It runs after the
 * operation, because every Local API call made with the request (in the hooks) resets `req.t`.
 */
export const announceReviewOutcome: CollectionAfterOperationHook = ({ req, result }) => {
  const outcome = outcomes.get(req)
  if (outcome === undefined) return result
  outcomes.delete(req)
  const translate = req.t
  req.t = ((key: string, options?: Record<string, unknown>) => (SAVE_MESSAGES.has(key) ? outcome : translate(key as never, options))) as typeof req.t
  return result
}
