import type { Crumb } from '@/lib/categories'

import { absoluteUrl } from '@/lib/urls'

import { JsonLd } from '../JsonLd'

/** `Home › Section › Page`: a labelled nav with an ordered list, mirrored as BreadcrumbList JSON-LD. */
export function Breadcrumbs({ trail, current }: { trail: Crumb[]; current: Crumb }) {
  const items = [{ name: 'Home', href: '/' }, ...trail]
  const all = [...items, current]
  return (
    <>
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          {items.map((crumb) => (
            <li key={crumb.href}>
              <a href={crumb.href}>{crumb.name}</a>
            </li>
          ))}
          <li aria-current="page">{current.name}</li>
        </ol>
      </nav>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'BreadcrumbList',
          itemListElement: all.map((crumb, index) => ({
            '@type': 'ListItem',
            position: index + 1,
            name: crumb.name,
            item: absoluteUrl(crumb.href),
          })),
        }}
      />
    </>
  )
}
