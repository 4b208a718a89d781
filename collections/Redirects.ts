import type { RedirectsPluginConfig } from '@payloadcms/plugin-redirects/types'
import type { Field, TextFieldSingleValidation } from 'payload'

import { isEditorOrAbove } from '@/access/isEditorOrAbove'
import { isAllowedTarget, normalizeSource, redirectMessages, sourceProblem } from '@/redirects/paths'

/**
 * Old addresses sent on (@payloadcms/plugin-redirects adds the `redirects` collection: `from`,
 * `to.type` reference|custom, `to.reference`, `to.url`, `type`). The production server answers
 * them before routing (src/redirects). Editors manage them; nobody else reads them, since a list
 * of sources would show the site's history, drafts' old slugs included.
 */

const validateFrom: TextFieldSingleValidation = (value) => sourceProblem(normalizeSource(value ?? '')) ?? true

const validateUrl: TextFieldSingleValidation = (value, { siblingData, data }) => {
  if ((siblingData as { type?: string } | undefined)?.type !== 'custom') return true
  if (!value || !isAllowedTarget(value)) return redirectMessages.target
  const from = normalizeSource(String((data as { from?: unknown }).from ?? ''))
  return value.startsWith('/') && from !== null && normalizeSource(value) === from ? redirectMessages.loop : true
}

/** One spelling of every source (src/redirects/paths.ts), and targets that are links a browser follows safely. */
const withChecks = (fields: Field[]): Field[] =>
  fields.map((field) => {
    if (!('name' in field)) return field
    if (field.name === 'from' && field.type === 'text' && !field.hasMany) {
      return {
        ...field,
        admin: { ...field.admin, description: 'The old address on this site: /old-post, /2019/05/old-post/ or /?p=123. Trailing slashes and query order do not matter.' },
        hooks: { ...field.hooks, beforeValidate: [({ value }) => (typeof value === 'string' ? (normalizeSource(value) ?? value) : value)] },
        validate: validateFrom,
      }
    }
    if (field.name === 'to' && field.type === 'group') {
      return {
        ...field,
        fields: field.fields.map((sub): Field => {
          if ('name' in sub && sub.name === 'url' && sub.type === 'text' && !sub.hasMany) return { ...sub, validate: validateUrl }
          // A redirect points at an article or page that exists; Payload's drawer would save an empty one at once (#11 item 3).
          if ('name' in sub && sub.name === 'reference' && sub.type === 'relationship') return { ...sub, admin: { ...sub.admin, allowCreate: false } } as Field
          return sub
        }),
      }
    }
    return field
  })

export const redirectsOptions: RedirectsPluginConfig = {
  collections: ['articles', 'pages'],
  redirectTypes: ['301', '302'],
  redirectTypeFieldOverride: { defaultValue: '301' },
  overrides: {
    admin: { useAsTitle: 'from', defaultColumns: ['from', 'to.type', 'type', 'updatedAt'] },
    access: { read: isEditorOrAbove, create: isEditorOrAbove, update: isEditorOrAbove, delete: isEditorOrAbove },
    fields: ({ defaultFields }) => withChecks(defaultFields),
  },
}
