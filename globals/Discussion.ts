import type { GlobalConfig } from 'payload'

import { isEditorOrAbove } from '@/access/isEditorOrAbove'
import { isStaff } from '@/access/isStaff'
import { DEFAULT_SETTINGS } from '@/comments/settings'

/**
 * Discussion settings (WordPress's Settings › Discussion). Staff read them; the reader site gets
 * only what the article page renders through src/lib/discussion.ts, never the word lists.
 */
export const Discussion: GlobalConfig = {
  slug: 'discussion',
  label: 'Discussion settings',
  access: {
    read: isStaff,
    update: isEditorOrAbove,
  },
  fields: [
    {
      name: 'holdAll',
      type: 'checkbox',
      defaultValue: DEFAULT_SETTINGS.holdAll,
      label: 'Hold every comment for moderation',
    },
    {
      name: 'approveKnownCommenters',
      type: 'checkbox',
      defaultValue: DEFAULT_SETTINGS.approveKnownCommenters,
      label: 'Approve automatically a commenter who has an approved comment under the same name, email and website',
      admin: {
        description:
          'Applies even when every comment is held. A comment with a link is held all the same (anyone can type a regular’s name and email), as are moderation words.',
      },
    },
    {
      name: 'maxLinks',
      type: 'number',
      min: 0,
      defaultValue: DEFAULT_SETTINGS.maxLinks,
      label: 'Hold a comment with more than this many links',
    },
    {
      name: 'moderationWords',
      type: 'textarea',
      label: 'Moderation words',
      admin: { description: 'One word or phrase per line. A comment containing one in its text, name, email or website is held.' },
    },
    {
      name: 'blockedWords',
      type: 'textarea',
      label: 'Blocked words',
      admin: { description: 'One word or phrase per line. A comment containing one in its text, name, email or website is marked as spam.' },
    },
    { name: 'closeAfterDaysEnabled', type: 'checkbox', defaultValue: false, label: 'Close comments on older articles' },
    {
      name: 'closeAfterDays',
      type: 'number',
      min: 1,
      defaultValue: 14,
      label: 'Close comments this many days after publication',
      admin: { condition: (data) => Boolean(data?.closeAfterDaysEnabled) },
    },
    {
      name: 'threadDepth',
      type: 'number',
      min: 1,
      max: 10,
      defaultValue: DEFAULT_SETTINGS.threadDepth,
      label: 'Thread depth',
      admin: { description: '1 allows no replies; 3 allows replies to replies.' },
    },
    { name: 'commentsPerPage', type: 'number', min: 1, max: 500, defaultValue: DEFAULT_SETTINGS.commentsPerPage, label: 'Comments per page' },
  ],
}
