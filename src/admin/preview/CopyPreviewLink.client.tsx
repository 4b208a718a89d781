'use client'

import { Button, toast, useConfig, useDocumentInfo } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useState } from 'react'

type Link = { url: string; expiresAt: string }

const until = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' })

/**
 * "Copy preview link" in the article's sidebar: a signed link to the draft in the real page,
 * valid for a day, for sending to a colleague in the newsroom (they need to be logged in).
 */
export function CopyPreviewLink() {
  const { id } = useDocumentInfo()
  const {
    config: {
      routes: { api },
    },
  } = useConfig()
  const [link, setLink] = useState<Link | null>(null)

  if (!id) return null

  const copy = async () => {
    const response = await fetch(formatAdminURL({ apiRoute: api, path: `/articles/${id}/preview-link` }), { credentials: 'include' })
    const body = (await response.json()) as Link & { errors?: { message: string }[] }
    if (!response.ok) throw new Error(body.errors?.[0]?.message ?? `Could not make a preview link (${response.status}).`)
    setLink(body)
    // The clipboard needs a secure context; the link stays on screen to copy by hand otherwise.
    await navigator.clipboard?.writeText(body.url).then(
      () => toast.success('Preview link copied.'),
      () => toast.info('Copy the preview link below.'),
    )
  }

  return (
    <div className="field-type copy-preview-link">
      <Button buttonStyle="secondary" size="small" onClick={() => copy().catch((error: unknown) => toast.error(error instanceof Error ? error.message : String(error)))}>
        Copy preview link
      </Button>
      {link ? (
        <p className="field-description">
          <input aria-label="Preview link" readOnly value={link.url} onFocus={(event) => event.currentTarget.select()} style={{ width: '100%' }} />
          Valid until {until.format(new Date(link.expiresAt))}, for logged-in staff.
        </p>
      ) : null}
    </div>
  )
}
