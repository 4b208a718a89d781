import type { CollectionConfig, FieldAccess } from 'payload'

import { anyone } from '@/access/anyone'
import { canReadComment } from '@/access/canReadComment'
import { hasCommentQueue } from '@/access/hasCommentQueue'
import { isAdmin } from '@/access/isAdmin'
import { isModerator, isModeratorField } from '@/access/isModerator'
import { fieldRules, LIMITS } from '@/comments/validate'

import { applySubmissionRules } from './hooks/applySubmissionRules'
import { explainFieldErrors } from './hooks/explainFieldErrors'
import { recordRequestMetadata } from './hooks/recordRequestMetadata'
import { refuseMalformedSubmission } from './hooks/refuseMalformedSubmission'
import { requestReplyNotifications } from './hooks/requestReplyNotifications'
import { sendNotifications } from './hooks/sendNotifications'
import { skipPopulateOnCreate } from './hooks/skipPopulateOnCreate'
import { COMMENT_STATUSES, STATUS_LABELS } from '@/comments/statuses'

/** Private request metadata is written by hooks only, never by a client. */
const noClientWrites: FieldAccess = () => false

export const Comments: CollectionConfig = {
  slug: 'comments',
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['authorName', 'body', 'article', 'status', 'createdAt'],
    // Contributors have nothing here beyond what readers see on the site.
    hidden: ({ user }) => !hasCommentQueue(user),
  },
  access: {
    read: canReadComment,
    create: anyone,
    update: isModerator,
    // Moderators trash comments (a status, so it can be undone); removing one for good is an admin's call.
    delete: isAdmin,
  },
  indexes: [
    // The article page's thread: one article's approved comments, oldest first, straight from one
    // index. With only the single-column ones SQLite picked `status` and read every approved
    // comment on the site (41 ms at 50k comments, growing with the site) to keep one article's 200.
    { fields: ['article', 'status', 'createdAt'] },
    // "Has this email an approved comment?", asked of every submission: with only the single-column
    // ones SQLite again picked `status` and counted through every approved comment (140 ms at 50k).
    { fields: ['authorEmail', 'status'] },
  ],
  hooks: {
    // The shape first: nothing else should see a body that is not a comment.
    beforeOperation: [refuseMalformedSubmission, skipPopulateOnCreate],
    // Metadata first: the flood rule compares IP hashes.
    beforeChange: [recordRequestMetadata, applySubmissionRules, requestReplyNotifications],
    afterChange: [sendNotifications],
    afterError: [explainFieldErrors],
  },
  fields: [
    // No "create new" beside it: Payload's drawer would save an empty article at once (#11 item 3).
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true, admin: { allowCreate: false } },
    { name: 'parent', type: 'relationship', relationTo: 'comments', index: true },
    // The readers' messages, in the admin too (src/comments/validate.ts).
    { name: 'authorName', type: 'text', required: true, maxLength: LIMITS.authorName, validate: fieldRules.authorName },
    {
      name: 'authorEmail',
      type: 'email',
      required: true,
      validate: fieldRules.authorEmail,
      index: true,
      access: { read: isModeratorField, update: isModeratorField },
    },
    { name: 'authorUrl', type: 'text', maxLength: LIMITS.authorUrl, validate: fieldRules.authorUrl },
    { name: 'body', type: 'textarea', required: true, maxLength: LIMITS.body, validate: fieldRules.body },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'pending',
      index: true,
      options: COMMENT_STATUSES.map((value) => ({ label: STATUS_LABELS[value], value })),
      access: { create: isModeratorField, update: isModeratorField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'notifyOnReply',
      type: 'checkbox',
      defaultValue: false,
      label: 'Email the commenter when a reply to this comment is approved',
      // Ticked by the reader on the form; who asked for email is as private as the address itself.
      access: { read: isModeratorField, update: isModeratorField },
      admin: { position: 'sidebar' },
    },
    {
      // Why the rules filed a reader's comment as spam (honeypot, too fast, blocked word): a
      // moderator rescuing a real reader needs the reason, and a sender must never learn it.
      name: 'spamReason',
      type: 'text',
      access: { read: isModeratorField, create: noClientWrites, update: isModeratorField },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.spamReason) },
    },
    {
      name: 'ipHash',
      type: 'text',
      index: true,
      access: { read: isModeratorField, create: noClientWrites, update: noClientWrites },
      admin: { position: 'sidebar', readOnly: true, description: 'Salted hash of the sender’s IP address.' },
    },
    {
      name: 'userAgent',
      type: 'text',
      access: { read: isModeratorField, create: noClientWrites, update: noClientWrites },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
