import type { Metadata } from 'next'
import type { ReactNode } from 'react'

import './site.css'

export const metadata: Metadata = {
  title: { default: 'Byline', template: '%s · Byline' },
  description: 'News, culture and entertainment from the Byline newsroom.',
}

export default function SiteLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a className="site-name" href="/">
            Byline
          </a>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  )
}
