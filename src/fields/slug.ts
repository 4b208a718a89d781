import type { PayloadRequest, TextField } from 'payload'

import { slugify, SLUG_PATTERN } from '@/lib/slugify'

const messages = {
  format: 'Use lower-case letters, digits and single hyphens only (for example "season-two-news").',
}

type SlugFieldArgs = {
  /** The field the slug is made from when it is left empty. */
  from: string
  /**
   * Extra validation, run after the format check; returns an error message or true. It gets the
   * document being saved (`data`, its `id` on update) and the request, to look at other collections.
   */
  validate?: (slug: string, context: { data: Record<string, unknown>; id?: number | string; req: PayloadRequest }) => string | true | Promise<string | true>
}

/** A unique, editable URL slug that fills itself in from another field. */
export function slugField({ from, validate }: SlugFieldArgs): TextField {
  return {
    name: 'slug',
    type: 'text',
    required: true,
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: `Part of the public URL. Left empty, it is made from the ${from}.`,
    },
    hooks: {
      beforeValidate: [
        ({ value, siblingData }) => {
          if (typeof value === 'string' && value.trim() !== '') return slugify(value)
          const source = siblingData?.[from]
          return typeof source === 'string' ? slugify(source) : value
        },
      ],
    },
    validate: (value: string | null | undefined, { data, id, req }) => {
      if (!value) return 'A slug is required.'
      if (!SLUG_PATTERN.test(value)) return messages.format
      return validate ? validate(value, { data: (data ?? {}) as Record<string, unknown>, id, req }) : true
    },
  }
}
