import type { Media } from '@/payload-types'

import { imageRef } from '@/lib/media'

const numbers = new Intl.NumberFormat('en-GB')

const sizeOf = (bytes: number | null | undefined) =>
  !bytes ? null : bytes < 1024 * 1024 ? `${numbers.format(Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * One page of the library, as a list of cards. Each card is a single link to the image's edit page
 * (one tab stop, opened with Enter); its thumbnail carries the alt text the writer gave, and the
 * file name, dimensions and credit below tell apart pictures that look alike.
 */
export function MediaGrid({ docs, editURL }: { docs: Media[]; editURL: (id: string) => string }) {
  return (
    <ul className="media-grid" aria-label="Media library">
      {docs.map((doc) => {
        const thumb = imageRef(doc, 'thumbnail')
        const details = [doc.width && doc.height ? `${doc.width} × ${doc.height}` : null, sizeOf(doc.filesize)].filter(Boolean).join(' · ')
        return (
          <li key={doc.id} className="media-grid__item">
            <a className="media-grid__link" href={editURL(String(doc.id))}>
              <span className="media-grid__frame">
                {thumb ? (
                  // The admin's own thumbnails, served by Payload's file route with its access rules; next/image adds nothing here.
                  <img className="media-grid__image" src={thumb.src} alt={doc.alt} width={thumb.width} height={thumb.height} loading="lazy" decoding="async" />
                ) : (
                  <span className="media-grid__missing">{doc.alt}</span>
                )}
              </span>
              <span className="media-grid__name">{doc.filename}</span>
              {details ? <span className="media-grid__meta">{details}</span> : null}
              {doc.credit ? <span className="media-grid__meta">Credit: {doc.credit}</span> : null}
            </a>
          </li>
        )
      })}
    </ul>
  )
}
