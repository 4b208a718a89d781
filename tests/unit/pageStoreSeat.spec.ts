import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { storeFileFor, type StoredBodies } from '@/productionServer/pageStore'
import { PageStoreSeat } from '@/productionServer/pageStoreSeat'

const root = path.resolve(import.meta.dirname, '../..')
const FOREVER = Number.POSITIVE_INFINITY
const bodies = (html: string): StoredBodies => ({ identity: Buffer.from(html), gzip: Buffer.from(html), br: Buffer.from(html) })
const quiet = { info: () => {}, error: () => {} }

/** What nginx would serve for a path: the file under the store's `current` link. */
const served = (dir: string, url: string) => {
  const file = path.join(dir, 'current', storeFileFor(url) as string)
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null
}

/** A writer in a process of its own (tests/helpers/pageStoreWriter.ts), which the test can kill as a crash would. */
async function writerProcess(dir: string, url: string, text: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/helpers/pageStoreWriter.ts'), dir, url, text], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let errors = ''
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve())
    child.once('exit', (code) => reject(new Error(`the writer exited (${code}): ${errors}`)))
  })
  return child
}

async function kill(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGKILL')
  await exited
}

describe('instances sharing a page store', () => {
  let dir: string
  const seats: PageStoreSeat[] = []
  const children: ChildProcess[] = []
  const join = async (options: { checkEveryMs?: number } = {}) => {
    const seat = await PageStoreSeat.join(dir, { logger: quiet, removeAfterMs: 0, ...options })
    seats.push(seat)
    return seat
  }

  beforeEach(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'byline-seat-')), 'pages')
  })
  afterEach(async () => {
    await Promise.all(children.splice(0).map(kill))
    await Promise.all(seats.splice(0).map((seat) => seat.close()))
    fs.rmSync(path.dirname(dir), { recursive: true, force: true })
  })

  it('has one writer: the first to join writes, the next one follows and writes nothing', async () => {
    const writer = await join()
    const follower = await join()
    expect(writer.isWriter).toBe(true)
    expect(follower.isWriter).toBe(false)
    expect(await follower.write('/news', bodies('from the follower'), follower.generation, FOREVER)).toBe(false)
    expect(await writer.write('/news', bodies('from the writer'), writer.generation, FOREVER)).toBe(true)
    expect(served(dir, '/news')).toBe('from the writer')
  })

  it('leaves the store to a live writer at a purge: the writer empties it and refills it', async () => {
    const writer = await join()
    const follower = await join()
    await writer.write('/news', bodies('fresh'), writer.generation, FOREVER)
    // The follower's purge comes after the writer's, as both hear the same purge log.
    await writer.purge()
    await writer.write('/news', bodies('rendered after the change'), writer.generation, FOREVER)
    await follower.purge()
    expect(follower.isWriter).toBe(false)
    expect(served(dir, '/news')).toBe('rendered after the change')
  })

  it('empties the store at a purge when its writer was killed, and writes it from then on', async () => {
    children.push(await writerProcess(dir, '/news', 'before the change'))
    const follower = await join({ checkEveryMs: 60_000 })
    expect(follower.isWriter).toBe(false)
    expect(served(dir, '/news')).toBe('before the change')

    await kill(children[0])
    // Nothing renewed the store since: a change must still not leave its pages behind.
    await follower.purge()
    expect(served(dir, '/news'), 'the killed writer’s page after a purge').toBeNull()
    expect(follower.isWriter).toBe(true)
    expect(await follower.write('/news', bodies('after the change'), follower.generation, FOREVER)).toBe(true)
    expect(served(dir, '/news')).toBe('after the change')
  })

  it('looks again soon after a purge its writer answered, and empties the store if that writer died before emptying it', async () => {
    children.push(await writerProcess(dir, '/news', 'before the change'))
    const follower = await join({ checkEveryMs: 60_000 })
    // The writer answers, so the follower leaves the purge to it; this writer dies without ever
    // hearing it, as one killed while the purge was on its way (its page stays behind).
    await follower.purge()
    expect(follower.isWriter).toBe(false)
    await kill(children[0])
    expect(served(dir, '/news')).toBe('before the change')
    // Long before the periodic check (a minute here).
    await expect.poll(() => served(dir, '/news'), { timeout: 2_000, interval: 50 }).toBeNull()
    expect(follower.isWriter).toBe(true)
  })

  it('takes over by itself, with no purge, once the writer has gone, and empties the store as it does', async () => {
    const writer = await join()
    const follower = await join({ checkEveryMs: 50 })
    await writer.write('/news', bodies('written by the first'), writer.generation, FOREVER)
    await writer.close()
    // Its pages may expire with no purge to say so; the new writer starts from an empty store.
    await expect.poll(() => follower.isWriter, { timeout: 2_000 }).toBe(true)
    expect(served(dir, '/news')).toBeNull()
  })

  it('lets a writer that comes back follow the one that took over', async () => {
    children.push(await writerProcess(dir, '/news', 'x'))
    await kill(children[0])
    const taker = await join({ checkEveryMs: 60_000 })
    expect(taker.isWriter).toBe(true)
    const returning = await join({ checkEveryMs: 60_000 })
    expect(returning.isWriter).toBe(false)
    await taker.write('/news', bodies('kept'), taker.generation, FOREVER)
    await returning.purge()
    expect(served(dir, '/news')).toBe('kept')
  })

  it('gives the seat to one of two instances joining at once', async () => {
    const both = await Promise.all([join(), join(), join()])
    expect(both.filter((seat) => seat.isWriter)).toHaveLength(1)
  })

  it('removes a lock left by an instance that died while taking the seat', async () => {
    fs.mkdirSync(dir, { recursive: true })
    const lock = path.join(dir, '.writer.lock')
    fs.mkdirSync(lock)
    const longAgo = new Date(Date.now() - 60_000)
    fs.utimesSync(lock, longAgo, longAgo)
    const seat = await join()
    expect(seat.isWriter).toBe(true)
    expect(fs.existsSync(lock)).toBe(false)
  })

  it('refuses a directory too long for its socket, with a sentence saying so', async () => {
    await expect(PageStoreSeat.join(path.join(dir, 'x'.repeat(120)), { logger: quiet })).rejects.toThrow(/too long a path.*shorter directory/)
  })
})
