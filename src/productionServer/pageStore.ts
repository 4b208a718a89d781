import fs from 'node:fs'
import path from 'node:path'

import type { Encoding } from './encoding'

/**
 * The page store (issue #6): the response cache's anonymous HTML pages written out as files, for
 * the nginx front (deploy/) to serve as static files without asking the app.
 *
 * A micro-cache in nginx cannot be purged, and counts time in whole seconds, so a page changed
 * by an editor or a moderator would show up to two seconds late through it. Files can be swapped
 * the instant the app purges: every generation of pages is a directory of its own, and
 * `DIR/current` is a symbolic link to the live one. A purge points the link at a new, empty
 * directory (one atomic rename), so the next reader's request finds no file and goes to the app,
 * which renders the fresh page and writes it into the new generation.
 *
 * Only what the response cache keeps is written (an anonymous 200 HTML page, src/productionServer/
 * responseCache.ts), and nginx reads the store only for requests the app would answer from that
 * cache: no cookie of staff, preview or commenter, no credentials, no query string (deploy/
 * nginx.conf.template). A page is written as `PATH/index.html` with `index.html.gz` and
 * `index.html.br` beside it, each by rename, so nginx never reads half a file.
 */

/** Where an old generation is removed after the switch: long after any read nginx had started in it. */
const REMOVE_AFTER_MS = 10_000

/**
 * A URL path nginx can find as a file under the same name: segments of letters, digits, `-` and
 * `_` (no dots, so no `..`, and no percent-encoding, which nginx would decode and the app would
 * not), no trailing slash. nginx's map in deploy/nginx.conf.template uses the same pattern.
 */
const STORABLE_PATH = /^\/(?:[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*)?$/

/** The file, relative to a generation's directory, that holds the page at `url`, or null when it has none. */
export function storeFileFor(url: string): string | null {
  if (url.includes('?') || url.includes('#')) return null
  if (!STORABLE_PATH.test(url)) return null
  return path.posix.join(url, 'index.html').slice(1)
}

/**
 * What the store creates in its directory: generations, the live link, a link being swapped in,
 * and the empty directory a follower points the link at when no writer could (pageStoreSeat.ts).
 */
const OWN_ENTRY = /^(?:g\d+-[a-z0-9]+-\d+|current|\.current-g\d+-[a-z0-9]+-\d+|empty|\.current-empty-\d+)$/

export type StoredBodies = Record<Encoding, Buffer>

type Generation = { name: string; number: number; written: Set<string>; expiresAt: number }

export class PageStore {
  readonly dir: string
  #generation: Generation | null = null
  #counter = 0
  #expiry: NodeJS.Timeout | null = null
  #warned = false

  constructor(
    dir: string,
    private readonly options: { now?: () => number; removeAfterMs?: number } = {},
  ) {
    this.dir = path.resolve(dir)
  }

  /** The current generation's number: a write records it before the page is rendered. */
  get generation(): number {
    return this.#live().number
  }

  /**
   * Starts afresh: whatever an earlier run left is out of date, so it is removed and an empty
   * generation made live. Only the store's own entries are touched, should the directory be
   * shared with anything else by mistake.
   */
  open() {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o755 })
    for (const entry of fs.readdirSync(this.dir)) {
      if (OWN_ENTRY.test(entry)) fs.rmSync(path.join(this.dir, entry), { recursive: true, force: true })
    }
    this.rotate()
  }

  /** Whether the page at `url` was written in the current generation. */
  has(url: string): boolean {
    return this.#live().written.has(url)
  }

  /**
   * Makes a new, empty generation live and removes the old one a little later. Called with every
   * purge of the response cache, and by itself when the first page in a generation expires.
   */
  rotate() {
    const previous = this.#generation
    this.#counter += 1
    const name = `g${process.pid}-${this.#now().toString(36)}-${this.#counter}`
    fs.mkdirSync(path.join(this.dir, name), { mode: 0o755 })
    // A link made beside the live one and renamed over it: nginx sees the old or the new, never neither.
    const link = path.join(this.dir, `.current-${name}`)
    fs.symlinkSync(name, link)
    fs.renameSync(link, path.join(this.dir, 'current'))
    this.#generation = { name, number: this.#counter, written: new Set(), expiresAt: Number.POSITIVE_INFINITY }
    if (this.#expiry) clearTimeout(this.#expiry)
    this.#expiry = null
    if (previous) {
      const old = path.join(this.dir, previous.name)
      setTimeout(() => fs.rm(old, { recursive: true, force: true }, () => {}), this.options.removeAfterMs ?? REMOVE_AFTER_MS).unref()
    }
  }

  /**
   * Writes the page at `url` into the live generation, unless the store rotated since
   * `generation` was read (the page may predate the change that rotated it) or the URL has no
   * file. Resolves to whether it wrote. The page is dropped with its generation by `expiresAt`.
   */
  async write(url: string, bodies: StoredBodies, generation: number, expiresAt: number): Promise<boolean> {
    const live = this.#live()
    if (generation !== live.number || expiresAt <= this.#now()) return false
    const file = storeFileFor(url)
    if (!file) return false
    live.written.add(url)
    const target = path.join(this.dir, live.name, file)
    try {
      await fs.promises.mkdir(path.dirname(target), { recursive: true, mode: 0o755 })
      // The compressed copies first: nginx looks for them only once index.html exists.
      await Promise.all([writeAtomically(`${target}.gz`, bodies.gzip), writeAtomically(`${target}.br`, bodies.br)])
      await writeAtomically(target, bodies.identity)
    } catch (error) {
      live.written.delete(url)
      // A generation removed under a slow write is expected; anything else is worth one warning.
      if (this.#generation === live && !this.#warned) {
        this.#warned = true
        console.warn(`Page store: could not write ${target}; nginx will ask the app for this page`, error)
      }
      return false
    }
    if (this.#generation !== live) return false
    if (expiresAt < live.expiresAt) {
      live.expiresAt = expiresAt
      if (this.#expiry) clearTimeout(this.#expiry)
      this.#expiry = setTimeout(() => this.rotate(), Math.max(0, expiresAt - this.#now()))
      this.#expiry.unref()
    }
    return true
  }

  /** Stops the expiry timer (for tests and shutdown); the files stay until the next open(). */
  close() {
    if (this.#expiry) clearTimeout(this.#expiry)
    this.#expiry = null
  }

  #live(): Generation {
    if (!this.#generation) throw new Error('PageStore.open() was not called')
    return this.#generation
  }

  #now() {
    return this.options.now?.() ?? Date.now()
  }
}

let temporary = 0
async function writeAtomically(file: string, body: Buffer) {
  temporary += 1
  const partial = `${file}.${process.pid}-${temporary}.tmp`
  await fs.promises.writeFile(partial, body, { mode: 0o644 })
  await fs.promises.rename(partial, file)
}
