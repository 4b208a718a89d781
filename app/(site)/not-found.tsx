import type { Metadata } from 'next'

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } }

/** Unknown paths, unpublished articles and unknown categories all land here, with HTTP 404. */
export default function NotFound() {
  return (
    <section className="not-found" aria-labelledby="not-found-heading">
      <p className="kicker">Error 404</p>
      <h1 id="not-found-heading">We can’t find that page</h1>
      <p>The link may be out of date, or the story may have moved. Try the front page for the latest news.</p>
      <p>
        <a className="button" href="/">
          Go to the front page
        </a>
      </p>
    </section>
  )
}
