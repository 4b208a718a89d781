import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

import { PageStore, type StoredBodies } from './pageStore'

/**
 * Several instances on one machine sharing its page store (src/productionServer/pageStore.ts), which nginx
 * serves. Every instance is given the same BYLINE_PAGE_STORE; one of them, the writer, writes and
 * rotates it, since two writers would delete each other's generations. The others follow: they
 * never write a page, but the store must not outlive a change while the writer is gone, or nginx
 * would serve its pages stale. So a follower that finds no writer at a purge, or at its periodic
 * check, takes the seat: opening the store empties it (a new, empty generation), and from then on
 * it writes. A writer that comes back finds the seat taken and follows.
 *
 * The seat is a Unix socket in the store's directory, held by the writer's process: the kernel
 * refuses connections to it the moment that process dies, however it died, so a follower can
 * tell a live writer from a dead one without clocks or process ids. Taking the seat is guarded by
 * a lock directory (mkdir is atomic), so two followers never both take it.
 */

const SOCKET_NAME = '.writer.sock'
const LOCK_NAME = '.writer.lock'
/** The seat's clocks, in milliseconds. */
const WAIT = {
  /** A lock older than this was left by an instance that died while taking the seat. */
  staleLock: 10_000,
  /** How long a follower waits for another instance that is taking the seat. */
  forLock: 2_000,
  /** How often a follower checks that the writer is still there, when no purge asks it to. */
  betweenChecks: 2_000,
  /**
   * After a purge left to a writer that answered, when a follower looks again: a writer dying as
   * the purge came still accepts connections while the kernel tears it down, and never empties the store.
   */
  afterPurge: 250,
}
/** Unix socket paths are limited to 108 bytes on Linux (104 elsewhere), the terminating NUL included. */
const MAX_SOCKET_PATH = 100

const messages = {
  pathTooLong: (socket: string) =>
    `BYLINE_PAGE_STORE is too long a path: its writer's socket ${socket} would be ${Buffer.byteLength(socket)} bytes, over the ${MAX_SOCKET_PATH} a Unix socket allows. Choose a shorter directory.`,
  tookOver: (dir: string) => `Page store ${dir}: no writer answers; this instance writes it from now on (the store was emptied).`,
  follows: (dir: string) => `Page store ${dir}: another instance writes it; this one empties it should that writer go.`,
  seatFailed: (dir: string, error: unknown) => `Page store ${dir}: could not take the writer's seat (${error instanceof Error ? error.message : String(error)}); emptying the store instead.`,
}

type Logger = { info: (message: string) => void; error: (message: string) => void }

/** Whether a process holds the writer's socket: a connection is accepted, rather than refused or the socket missing. */
function writerAnswers(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = net.connect(socket)
    connection.once('connect', () => {
      connection.destroy()
      resolve(true)
    })
    // ECONNREFUSED (its process died) or ENOENT (it never started, or stopped cleanly).
    connection.once('error', () => resolve(false))
  })
}

export class PageStoreSeat {
  readonly dir: string
  readonly #socket: string
  readonly #lock: string
  readonly #logger: Logger
  readonly #options: { removeAfterMs?: number; checkEveryMs?: number }
  #store: PageStore | null = null
  #server: net.Server | null = null
  #check: NodeJS.Timeout | null = null
  #recheck: NodeJS.Timeout | null = null
  #taking: Promise<void> | null = null
  #closed = false

  private constructor(dir: string, logger: Logger, options: { removeAfterMs?: number; checkEveryMs?: number }) {
    this.dir = path.resolve(dir)
    this.#socket = path.join(this.dir, SOCKET_NAME)
    this.#lock = path.join(this.dir, LOCK_NAME)
    this.#logger = logger
    this.#options = options
    if (Buffer.byteLength(this.#socket) > MAX_SOCKET_PATH) throw new Error(messages.pathTooLong(this.#socket))
  }

  /** Joins the store in `dir`: as its writer when nobody writes it, else as a follower. */
  static async join(dir: string, { logger = console, ...options }: { logger?: Logger; removeAfterMs?: number; checkEveryMs?: number } = {}): Promise<PageStoreSeat> {
    const seat = new PageStoreSeat(dir, logger, options)
    fs.mkdirSync(seat.dir, { recursive: true, mode: 0o755 })
    await seat.#takeSeatIfFree()
    if (!seat.isWriter) logger.info(messages.follows(seat.dir))
    seat.#check = setInterval(() => void seat.#followerCheck(), options.checkEveryMs ?? WAIT.betweenChecks)
    seat.#check.unref()
    return seat
  }

  get isWriter(): boolean {
    return this.#store !== null
  }

  /** The writer's generation, recorded before a render; a follower has none (-1), and writes nothing. */
  get generation(): number {
    return this.#store?.generation ?? -1
  }

  has(url: string): boolean {
    return this.#store?.has(url) ?? false
  }

  async write(url: string, bodies: StoredBodies, generation: number, expiresAt: number): Promise<boolean> {
    return this.#store ? this.#store.write(url, bodies, generation, expiresAt) : false
  }

  /**
   * Called with every purge, on every instance. The writer empties the store at once; a follower
   * leaves that to the writer if one answers, and otherwise takes the seat, which empties it.
   * Resolves once the store holds nothing from before the call.
   */
  async purge(): Promise<void> {
    if (this.#store) return this.#store.rotate()
    // A periodic check under way may have found the writer alive a moment before it died: let it
    // finish, then look again.
    if (this.#taking) await this.#taking
    await this.#takeSeatIfFree()
    // Left to a writer that answered: make sure soon that it lives to empty the store.
    if (!this.#store && !this.#closed && !this.#recheck) {
      this.#recheck = setTimeout(() => {
        this.#recheck = null
        void this.#followerCheck()
      }, WAIT.afterPurge)
      this.#recheck.unref()
    }
  }

  /** Gives the seat up (a clean shutdown): a follower takes it at its next check. The files stay. */
  async close() {
    this.#closed = true
    if (this.#check) clearInterval(this.#check)
    if (this.#recheck) clearTimeout(this.#recheck)
    this.#check = null
    this.#recheck = null
    this.#store?.close()
    this.#store = null
    const server = this.#server
    this.#server = null
    // Closing a listening Unix socket removes its file.
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()))
  }

  async #followerCheck() {
    if (this.#store || this.#closed) return
    try {
      await this.#takeSeatIfFree()
    } catch (error) {
      this.#logger.error(messages.seatFailed(this.dir, error))
    }
  }

  /** One attempt at a time per process: a purge during a periodic check waits for it. */
  #takeSeatIfFree(): Promise<void> {
    this.#taking ??= this.#attempt().finally(() => {
      this.#taking = null
    })
    return this.#taking
  }

  async #attempt() {
    if (this.#store || this.#closed) return
    if (await writerAnswers(this.#socket)) return
    if (!(await this.#acquireLock())) {
      // Another instance took the seat (and emptied the store) while we waited for its lock.
      if (await writerAnswers(this.#socket)) return
      // Nobody did: nothing from before the purge may stay behind, so point nginx at nothing.
      this.#pointAtEmpty()
      return
    }
    try {
      // Taken and released in the meantime by another instance: it is the writer.
      if (await writerAnswers(this.#socket)) return
      fs.rmSync(this.#socket, { force: true })
      const server = net.createServer((connection) => connection.destroy())
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(this.#socket, () => {
          server.off('error', reject)
          resolve()
        })
      })
      server.unref()
      server.on('error', (error) => this.#logger.error(messages.seatFailed(this.dir, error)))
      this.#server = server
      const store = new PageStore(this.dir, { removeAfterMs: this.#options.removeAfterMs })
      store.open()
      this.#store = store
      if (this.#check !== null) this.#logger.info(messages.tookOver(this.dir))
    } catch (error) {
      this.#logger.error(messages.seatFailed(this.dir, error))
      this.#pointAtEmpty()
    } finally {
      fs.rmSync(this.#lock, { recursive: true, force: true })
    }
  }

  /** Takes the lock, waiting a moment for another instance's attempt to finish. False when it could not. */
  async #acquireLock(): Promise<boolean> {
    const deadline = Date.now() + WAIT.forLock
    for (;;) {
      try {
        fs.mkdirSync(this.#lock)
        return true
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      }
      if (this.#lockIsStale()) {
        // Left by an instance that died halfway; whoever removes it first tries again.
        fs.rmSync(this.#lock, { recursive: true, force: true })
        continue
      }
      if (Date.now() > deadline) return false
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
  }

  #lockIsStale(): boolean {
    try {
      return Date.now() - fs.statSync(this.#lock).mtimeMs > WAIT.staleLock
    } catch (error) {
      // Released in between: not stale, free; the next mkdir tells.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
      throw error
    }
  }

  /** nginx's `current` link pointed at an empty directory: every page goes to the instances. */
  #pointAtEmpty() {
    const empty = path.join(this.dir, 'empty')
    fs.mkdirSync(empty, { recursive: true, mode: 0o755 })
    const link = path.join(this.dir, `.current-empty-${process.pid}`)
    fs.rmSync(link, { force: true })
    fs.symlinkSync('empty', link)
    fs.renameSync(link, path.join(this.dir, 'current'))
  }
}
