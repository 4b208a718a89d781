import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { PageStore, storeFileFor, type StoredBodies } from '@/productionServer/pageStore'

const bodies = (html: string): StoredBodies => ({ identity: Buffer.from(html), gzip: Buffer.from(`gz:${html}`), br: Buffer.from(`br:${html}`) })
const FOREVER = Number.POSITIVE_INFINITY

/** What nginx would read for a path: the file under the `current` link, as deploy/nginx.conf.template looks for it. */
const served = (store: PageStore, url: string, suffix = '') => {
  const file = path.join(store.dir, 'current', storeFileFor(url) as string) + suffix
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
}

describe('which pages the store can hold as files', () => {
  it('maps a plain path to PATH/index.html, the home page to index.html', () => {
    expect(storeFileFor('/')).toBe('index.html')
    expect(storeFileFor('/entertainment')).toBe('entertainment/index.html')
    expect(storeFileFor('/entertainment/a-story_2')).toBe('entertainment/a-story_2/index.html')
    expect(storeFileFor('/authors/Jane-Doe')).toBe('authors/Jane-Doe/index.html')
  })

  it('holds nothing with a query string, a dot, an escape, a trailing or doubled slash', () => {
    // A query string is another page (?page=2, search); dots could climb out (..) or look like a
    // file type; nginx decodes %xx and merges slashes where the app does not, so the names would differ.
    for (const url of ['/?page=2', '/search?q=x', '/feed.xml', '/a/../b', '/..', '/caf%C3%A9', '/news/', '//news', '/a//b', '/news#top', 'news', '', '/a b']) {
      expect(storeFileFor(url), url).toBeNull()
    }
  })
})

describe('the page store', () => {
  let dir: string
  let store: PageStore
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-store-'))
    store = new PageStore(path.join(dir, 'pages'), { removeAfterMs: 0 })
    store.open()
  })
  afterEach(() => {
    store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('writes a page and its gzip and brotli copies where nginx looks for them, once per generation', async () => {
    expect(store.has('/entertainment/a-story')).toBe(false)
    expect(await store.write('/entertainment/a-story', bodies('<p>story</p>'), store.generation, FOREVER)).toBe(true)
    expect(store.has('/entertainment/a-story')).toBe(true)
    expect(served(store, '/entertainment/a-story')).toBe('<p>story</p>')
    expect(served(store, '/entertainment/a-story', '.gz')).toBe('gz:<p>story</p>')
    expect(served(store, '/entertainment/a-story', '.br')).toBe('br:<p>story</p>')
    // Pages nested under another page's path live side by side with it.
    expect(await store.write('/entertainment', bodies('<p>section</p>'), store.generation, FOREVER)).toBe(true)
    expect(await store.write('/', bodies('<p>home</p>'), store.generation, FOREVER)).toBe(true)
    expect(served(store, '/entertainment')).toBe('<p>section</p>')
    expect(served(store, '/')).toBe('<p>home</p>')
    expect(served(store, '/entertainment/a-story')).toBe('<p>story</p>')
    // No temporary file is left beside a page.
    const files = fs.readdirSync(path.join(store.dir, 'current', 'entertainment', 'a-story'))
    expect(files.sort()).toEqual(['index.html', 'index.html.br', 'index.html.gz'])
  })

  it('writes nothing for a URL that has no file', async () => {
    expect(await store.write('/search?q=x', bodies('results'), store.generation, FOREVER)).toBe(false)
    expect(await store.write('/a/../b', bodies('x'), store.generation, FOREVER)).toBe(false)
    expect(fs.readdirSync(path.join(store.dir, 'current'))).toEqual([])
  })

  it('empties at once on rotate: the link points at a new, empty generation and the old one is removed', async () => {
    await store.write('/entertainment/a-story', bodies('old'), store.generation, FOREVER)
    const before = fs.readlinkSync(path.join(store.dir, 'current'))
    store.rotate()
    expect(served(store, '/entertainment/a-story')).toBeNull()
    expect(store.has('/entertainment/a-story')).toBe(false)
    expect(fs.readlinkSync(path.join(store.dir, 'current'))).not.toBe(before)
    await expect.poll(() => fs.existsSync(path.join(store.dir, before))).toBe(false)
    expect(await store.write('/entertainment/a-story', bodies('new'), store.generation, FOREVER)).toBe(true)
    expect(served(store, '/entertainment/a-story')).toBe('new')
  })

  it('refuses a page whose render began before a rotation: it may show what the change replaced', async () => {
    const generation = store.generation
    store.rotate()
    expect(await store.write('/entertainment/a-story', bodies('rendered before the change'), generation, FOREVER)).toBe(false)
    expect(served(store, '/entertainment/a-story')).toBeNull()
    expect(store.has('/entertainment/a-story')).toBe(false)
  })

  it('drops its pages when the first of them expires, and refuses one already expired', async () => {
    let now = 1_000_000
    store.close()
    store = new PageStore(path.join(dir, 'timed'), { now: () => now, removeAfterMs: 0 })
    store.open()
    expect(await store.write('/gone', bodies('x'), store.generation, now)).toBe(false)
    expect(await store.write('/soon', bodies('soon'), store.generation, now + 30)).toBe(true)
    expect(await store.write('/later', bodies('later'), store.generation, now + 60_000)).toBe(true)
    now += 30
    // The store's own timer (30 ms) fires late on a loaded machine: wait for it generously.
    await expect.poll(() => served(store, '/soon'), { timeout: 10_000 }).toBeNull()
    expect(served(store, '/later')).toBeNull()
  })

  it('starts empty: pages an earlier run left behind may be out of date', async () => {
    await store.write('/entertainment/a-story', bodies('from the last run'), store.generation, FOREVER)
    store.close()
    const again = new PageStore(store.dir, { removeAfterMs: 0 })
    again.open()
    try {
      expect(served(again, '/entertainment/a-story')).toBeNull()
      expect(fs.readdirSync(again.dir).filter((name) => name !== 'current')).toHaveLength(1)
    } finally {
      again.close()
    }
  })

  it('never removes what is not its own, should its directory be shared by mistake', async () => {
    fs.writeFileSync(path.join(store.dir, 'notes.txt'), 'keep me')
    fs.mkdirSync(path.join(store.dir, 'uploads'))
    store.close()
    const again = new PageStore(store.dir, { removeAfterMs: 0 })
    again.open()
    again.close()
    expect(fs.readFileSync(path.join(store.dir, 'notes.txt'), 'utf8')).toBe('keep me')
    expect(fs.existsSync(path.join(store.dir, 'uploads'))).toBe(true)
  })

  it('is readable by other users, as nginx workers running as nobody', async () => {
    await store.write('/entertainment/a-story', bodies('x'), store.generation, FOREVER)
    const page = path.join(store.dir, 'current', 'entertainment', 'a-story')
    for (const target of [store.dir, path.join(store.dir, fs.readlinkSync(path.join(store.dir, 'current'))), page]) {
      expect(fs.statSync(target).mode & 0o005, target).toBe(0o005)
    }
    expect(fs.statSync(path.join(page, 'index.html')).mode & 0o004).toBe(0o004)
  })
})
