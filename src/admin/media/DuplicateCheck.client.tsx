'use client'

import type { UIFieldClientComponent } from 'payload'

import { useConfig, useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { formatAdminURL } from 'payload/shared'
import { useEffect, useState } from 'react'

type Copy = { id: string; alt: string; filename?: string | null }

const hex = (buffer: ArrayBuffer) => [...new Uint8Array(buffer)].map((byte) => byte.toString(16).padStart(2, '0')).join('')

/**
 * The duplicate warning before saving: when a file is chosen in the upload form, its SHA-256 is
 * computed in the browser and looked up among the uploads the writer may read (the hash field is
 * the staff's, src/media/contentHash.ts). Saving is still allowed. The server-side notice
 * (DuplicateNotice.tsx) covers what this cannot: a browser without Web Crypto (a plain-HTTP
 * address other than localhost), bulk uploads, uploads over the API.
 */
export const DuplicateCheck: UIFieldClientComponent = () => {
  const file = useFormFields(([fields]) => fields.file?.value)
  const { config } = useConfig()
  // Replacing the file of a saved upload: that upload is not its own duplicate.
  const { id } = useDocumentInfo()
  const [copies, setCopies] = useState<Copy[]>([])

  useEffect(() => {
    setCopies([])
    if (!(file instanceof File) || !globalThis.crypto?.subtle) return
    const controller = new AbortController()
    const check = async () => {
      const hash = hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()))
      const query = new URLSearchParams({ 'where[contentHash][equals]': hash, depth: '0', limit: '5', sort: 'createdAt', 'select[alt]': 'true', 'select[filename]': 'true' })
      if (id !== undefined) query.set('where[id][not_equals]', String(id))
      const response = await fetch(`${config.serverURL}${config.routes.api}/media?${query}`, { credentials: 'include', signal: controller.signal })
      if (!response.ok) throw new Error(`the media search answered ${response.status}`)
      const { docs } = (await response.json()) as { docs: Copy[] }
      setCopies(docs)
    }
    check().catch((error: unknown) => {
      if (controller.signal.aborted) return
      // The notice after saving still applies; the console says why this one did not appear.
      console.warn('Duplicate check before upload failed:', error)
    })
    return () => controller.abort()
  }, [file, id, config.serverURL, config.routes.api])

  if (copies.length === 0) return null
  return (
    <section className="media-duplicate" role="status" aria-labelledby="media-duplicate-check-heading" data-testid="media-duplicate-check">
      <h2 id="media-duplicate-check-heading" className="media-duplicate__heading">
        This file is already in the library
      </h2>
      <p>
        The same file was uploaded before as{' '}
        {copies.map((copy, index) => (
          <span key={copy.id}>
            {index > 0 ? ', ' : ''}
            <a href={formatAdminURL({ adminRoute: config.routes.admin, path: `/collections/media/${copy.id}` })}>“{copy.alt}”</a>
            {copy.filename ? ` (${copy.filename})` : ''}
          </span>
        ))}
        . Use that one in your article rather than uploading it again; saving keeps a second copy.
      </p>
    </section>
  )
}
