/**
 * Everything reader pages do in the browser, in one small script instead of React: the page is
 * complete HTML without it (the comment form posts, the video link opens the video), and the
 * production server strips Next's client runtime from reader pages (src/productionServer/strip.ts), which
 * is most of their weight and all of their main-thread time on a phone.
 *
 * - `form[data-comment-form]`: sent in the background; the reader's comment appears above the
 *   form at once, scrolled into view with the focus on it, and the form's status line (a live
 *   region) says what happened; or the server's reasons appear beside the fields, with what they
 *   typed kept.
 * - `[data-view-beacon]`: reports one view of the article once the page is shown (Most Popular).
 * - `a[data-video-embed]`: the click-to-load video; nothing is fetched from the provider before.
 *
 * This function is served as the text of its own source (app/(site)/reader.js/route.ts), so it
 * must stand alone: no imports, nothing from the enclosing module.
 */
export function enhanceReaderPage(): void {
  type Errors = Record<string, string | undefined>
  type Result = { ok: true; id: string; status: string } | { ok: false; message?: string | null; errors?: Errors }

  const FIELD_IDS: Record<string, string> = { body: 'comment', authorName: 'author', authorEmail: 'email', authorUrl: 'url' }

  function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
    const made = document.createElement(tag)
    made.className = className
    if (text !== undefined) made.textContent = text
    return made
  }

  function showErrors(form: HTMLFormElement, errors: Errors, message: string | null) {
    const status = form.querySelector<HTMLElement>('[data-comment-status]')
    if (status) status.textContent = ''
    form.querySelectorAll('.comment-form__error[data-client]').forEach((old) => old.remove())
    let first: HTMLElement | null = null
    for (const [name, id] of Object.entries(FIELD_IDS)) {
      const field = form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)
      if (!field) continue
      // Errors the server rendered into the page (a form that came back without JavaScript) go too.
      field.parentElement?.querySelector(`#${id}-error`)?.remove()
      const error = errors[name]
      if (!error) {
        field.removeAttribute('aria-invalid')
        field.removeAttribute('aria-describedby')
        continue
      }
      const note = element('span', 'comment-form__error', error)
      note.id = `${id}-error`
      note.dataset.client = ''
      field.after(note)
      field.setAttribute('aria-invalid', 'true')
      field.setAttribute('aria-describedby', note.id)
      first ??= field
    }
    let alert = form.querySelector<HTMLElement>('.comment-form__message')
    if (message) {
      if (!alert) {
        alert = element('p', 'comment-form__message')
        alert.setAttribute('role', 'alert')
        form.querySelector('.comment-form__notes')?.after(alert)
      }
      alert.textContent = message
    } else {
      alert?.remove()
    }
    first?.focus()
  }

  function showPosted(form: HTMLFormElement, result: { id: string; status: string }, data: FormData) {
    const outcome = result.status === 'approved' ? 'Your comment has been published.' : 'Your comment is awaiting moderation.'
    const posted = element('div', 'comment comment--pending respond__posted')
    posted.id = `comment-${result.id}`
    // Focusable by script only, so that the reader (and a screen reader's cursor) lands on it.
    posted.tabIndex = -1
    posted.append(
      element('p', 'comment__author', String(data.get('authorName') ?? '')),
      element('p', 'comment__awaiting', outcome),
      element('p', 'comment__body', String(data.get('body') ?? '')),
    )
    form.before(posted)
    const body = form.querySelector<HTMLTextAreaElement>('#comment')
    if (body) body.value = ''
    const status = form.querySelector<HTMLElement>('[data-comment-status]')
    if (status) status.textContent = `${outcome} It is shown above the form.`
    // The reader was looking at the button, below the form: bring their comment to them.
    posted.focus({ preventScroll: true })
    posted.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }

  function enhanceForm(form: HTMLFormElement) {
    form.addEventListener('submit', (event) => {
      event.preventDefault()
      const data = new FormData(form)
      const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')
      if (button?.disabled) return
      if (button) button.disabled = true
      fetch(form.action, { method: 'POST', body: data, headers: { accept: 'application/json' } })
        .then((response) => response.json() as Promise<Result>)
        .then((result) => {
          if (result.ok) {
            showErrors(form, {}, null)
            showPosted(form, result, data)
          } else {
            showErrors(form, result.errors ?? {}, result.message ?? null)
          }
        })
        .catch(() => showErrors(form, {}, 'Your comment could not be sent. Check your connection and try again.'))
        .finally(() => {
          if (button) button.disabled = false
        })
    })
  }

  function reportView(articleId: string, path: string, field: string) {
    const body = new URLSearchParams({ [field]: articleId })
    if (navigator.sendBeacon?.(path, body)) return
    // sendBeacon is missing or refused the request (its queue is full): a keepalive fetch also outlives the page.
    fetch(path, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {
      // A view that could not be reported is simply not counted; nothing for the reader to see or do.
    })
  }

  function enhanceBeacon(marker: HTMLElement) {
    const { viewBeacon: articleId, beaconPath, beaconField } = marker.dataset
    if (!articleId || !beaconPath || !beaconField) return
    const send = () => reportView(articleId, beaconPath, beaconField)
    // A page the browser prerendered on speculation counts only once the reader opens it.
    const whenShown = () =>
      (document as Document & { prerendering?: boolean }).prerendering ? document.addEventListener('prerenderingchange', send, { once: true }) : send()
    if (document.readyState === 'complete') whenShown()
    else window.addEventListener('load', whenShown, { once: true })
  }

  function enhanceVideo(link: HTMLAnchorElement) {
    link.addEventListener('click', (event) => {
      // Modified clicks (new tab, new window) keep the link's normal behaviour.
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return
      const { videoEmbed: src, videoTitle: title } = link.dataset
      if (!src) return
      event.preventDefault()
      const frame = element('div', 'video-frame')
      const iframe = document.createElement('iframe')
      iframe.src = src
      iframe.title = title ?? ''
      iframe.allow = 'autoplay; encrypted-media; fullscreen; picture-in-picture'
      iframe.allowFullscreen = true
      iframe.referrerPolicy = 'strict-origin-when-cross-origin'
      frame.append(iframe)
      link.replaceWith(frame)
    })
  }

  document.querySelectorAll<HTMLFormElement>('form[data-comment-form]').forEach(enhanceForm)
  document.querySelectorAll<HTMLElement>('[data-view-beacon]').forEach(enhanceBeacon)
  document.querySelectorAll<HTMLAnchorElement>('a[data-video-embed]').forEach(enhanceVideo)
}
