import type { ReactNode } from 'react'

import { siteOrigin } from '@/lib/urls'

import { EXIT_PREVIEW_ROUTE } from './links'
import { RefreshOnSave } from './RefreshOnSave.client'

/** Around a previewed draft: says it is one, offers the way out, and follows the admin's saves. */
export function PreviewFrame({ href, children }: { href: string; children: ReactNode }) {
  return (
    <>
      <div
        className="preview-banner"
        role="status"
        style={{ padding: '0.5rem 1rem', background: '#fff4d6', borderBottom: '2px solid #e0a800', fontFamily: 'var(--sans, sans-serif)' }}
      >
        <strong>Preview</strong> of an unpublished draft. Readers see the published version.{' '}
        <a href={`${EXIT_PREVIEW_ROUTE}?to=${encodeURIComponent(href)}`}>Leave preview</a>
      </div>
      {children}
      <RefreshOnSave serverURL={siteOrigin()} />
    </>
  )
}
