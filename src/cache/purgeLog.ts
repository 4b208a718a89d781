import { Redis, type RedisOptions } from 'ioredis'
import os from 'node:os'

/**
 * The shared invalidation log: one Redis Stream (`<prefix>purges`) that every instance appends
 * its cache-tag expiries to and reads back in order. A stream, not pub/sub, because a reader that
 * lost its connection resumes from the last id it applied and can tell when entries it never saw
 * were trimmed away. Stream ids are the only clock: they order every purge across machines.
 *
 * Fails safe: whenever this process cannot be sure it has seen every purge (Redis unreachable,
 * a read error, a silent connection, a trimmed gap, a Redis restart, a purge it could not
 * publish), the log is `degraded` and the process must serve nothing from memory. Becoming live
 * again is announced once the log reads again, so the caches can purge everything and refill.
 *
 * The server and the application bundled by Next load separate copies of every module, so they
 * meet on a global (purgeLogRegistry.ts); the Next cache handler (nextCacheHandler.mjs) reads the
 * same global by the same symbol.
 */

export type PurgeEntry = { id: string; tags: string[]; origin: string }

export type PurgeLogState = 'live' | 'degraded'

export type PurgeListener = {
  /** One entry, in the log's order, after `lastId` has moved to its id. */
  onPurge?: (entry: PurgeEntry) => void
  /** Stop serving from memory and purge everything: purges may be missed from now on. */
  onDegraded?: (reason: string) => void
  /** Purge everything again, then resume caching: the log is read again. Also called when it first goes live. */
  onRecovered?: () => void
}

export type PurgeLogLogger = { info: (message: string) => void; error: (message: string) => void }

export type ConnectionRole = 'reader' | 'publisher'

export type PurgeLogOptions = PurgeListener & {
  /** Used by the default connection factory. */
  redisUrl?: string
  /** A fresh client per call, not yet connected (`lazyConnect`); the log connects and disconnects it. */
  connect?: (role: ConnectionRole) => Redis | Promise<Redis>
  /** Namespaces every key, so several sites or test runs can share one Redis. */
  prefix?: string
  /** Written with every entry, to tell in a log which instance made a change. */
  instance?: string
  logger?: PurgeLogLogger
  /** Milliseconds for the watchdog; injectable so a test can move time. */
  now?: () => number
  /** Entries the stream keeps (approximately): the catch-up window of a reconnecting reader. */
  maxLength?: number
  /** How long one XREAD blocks; it doubles as the heartbeat the watchdog listens for. */
  blockMs?: number
  /** With no XREAD returning for this long, the connection is presumed hung. */
  watchdogMs?: number
  /** Pause between reconnection attempts and publish retries. */
  retryMs?: number
}

/** The tunables a caller leaves out, keyed by their option: the reasons are on PurgeLogOptions. */
const DEFAULTS = {
  prefix: 'byline:',
  maxLength: 10_000,
  blockMs: 1_000,
  watchdogMs: 2_500,
  retryMs: 200,
} satisfies Required<Pick<PurgeLogOptions, 'prefix' | 'maxLength' | 'blockMs' | 'watchdogMs' | 'retryMs'>>

/** Entries applied per read; a reader catching up takes them in batches. */
const READ_BATCH = 500

const messages = {
  noConnection: 'The purge log needs a Redis URL or a connection factory.',
  degraded: (reason: string) => `Shared cache invalidation is unavailable (${reason}): serving every page from the database until it is back.`,
  recovered: 'Shared cache invalidation is back: caches were emptied and refill from now on.',
  malformed: (id: string) => `Purge log entry ${id} is malformed; treating it as a purge of everything.`,
  listenerFailed: (what: string, error: unknown) => `A purge log listener failed on ${what}: ${describe(error)}`,
  watchdog: (ms: number) => `no answer from Redis for ${ms} ms`,
  trimmed: 'entries this process had not read were trimmed from the purge log',
  reset: 'the purge log was reset',
  restarted: 'Redis restarted',
  noId: 'XADD returned no id',
  publishTimeout: (ms: number) => `Redis did not take the purge within ${ms} ms`,
  unpublished: (count: number) => `${count} purge${count === 1 ? '' : 's'} not yet published`,
  lost: (tags: number) => `Stopped with ${tags} expired tag${tags === 1 ? '' : 's'} never published to the purge log.`,
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Orders two stream ids (`<ms>-<seq>`): negative when a is older. */
export function compareStreamIds(a: string, b: string): number {
  const [aMs, aSeq] = a.split('-')
  const [bMs, bSeq] = b.split('-')
  const ms = BigInt(aMs) - BigInt(bMs)
  if (ms !== 0n) return ms < 0n ? -1 : 1
  const seq = BigInt(aSeq ?? '0') - BigInt(bSeq ?? '0')
  return seq === 0n ? 0 : seq < 0n ? -1 : 1
}

/** How the log's own connections behave; exported for factories that add to them (a client name, TLS). */
export function purgeLogRedisOptions(role: ConnectionRole): RedisOptions {
  return {
    lazyConnect: true,
    // The log owns the reader's reconnection: a silently resent XREAD would hide a gap from it.
    // The publisher reconnects on its own, often enough that a returning Redis is used within a second.
    retryStrategy: role === 'reader' ? () => null : (attempt: number) => Math.min(attempt * 50, 250),
    autoResendUnfulfilledCommands: false,
    // A publish to an unreachable Redis must fail fast, to be queued here, not inside ioredis.
    enableOfflineQueue: role === 'reader',
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: role === 'publisher' ? 1_000 : undefined,
  }
}

/** Named after the instance, so `CLIENT LIST` tells whose connection is whose. */
const defaultConnection = (url: string, instance: string) => (role: ConnectionRole) =>
  new Redis(url, { ...purgeLogRedisOptions(role), connectionName: `byline:${instance.replace(/[^\w:.-]/g, '_')}:${role}` })

type StreamInfo = { lastGenerated: string; firstEntry: string | null; length: number; entriesAdded: number | null }

function parseInfo(reply: unknown): StreamInfo {
  const fields = new Map<string, unknown>()
  const flat = reply as unknown[]
  for (let i = 0; i + 1 < flat.length; i += 2) fields.set(String(flat[i]), flat[i + 1])
  const first = fields.get('first-entry') as [string, unknown] | null | undefined
  const added = fields.get('entries-added')
  return {
    lastGenerated: String(fields.get('last-generated-id') ?? '0-0'),
    firstEntry: first ? String(first[0]) : null,
    length: Number(fields.get('length') ?? 0),
    entriesAdded: added === undefined ? null : Number(added),
  }
}

function parseTags(fields: string[]): { tags: string[]; origin: string } | null {
  let tags: unknown = null
  let origin = ''
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === 'tags') {
      try {
        tags = JSON.parse(fields[i + 1])
      } catch {
        return null
      }
    } else if (fields[i] === 'origin') origin = fields[i + 1]
  }
  if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === 'string')) return null
  return { tags, origin }
}

/** Disconnects a client and resolves once its socket is closed. */
function close(client: Redis): Promise<void> {
  if (client.status === 'end' || client.status === 'wait') {
    client.disconnect()
    return Promise.resolve()
  }
  const ended = new Promise<void>((resolve) => client.once('end', () => resolve()))
  client.disconnect()
  return ended
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

export class PurgeLog {
  readonly key: string
  readonly instance: string
  #connect: (role: ConnectionRole) => Redis | Promise<Redis>
  #logger: PurgeLogLogger
  #now: () => number
  #maxLength: number
  #blockMs: number
  #watchdogMs: number
  #retryMs: number
  #listeners = new Set<PurgeListener>()

  #state: PurgeLogState = 'degraded'
  /** Why the log is degraded; an empty set is live. 'starting' until the reader first reads. */
  #reasons = new Set<string>(['starting'])
  /** The reason reported to listeners for the current degraded spell, or null if none was reported. */
  #announced: string | null = null
  #lastId: string | null = null
  #serverRunId: string | null = null

  #reader: Redis | null = null
  #running: Promise<void> | null = null
  #stopped = false
  /** When an XREAD last returned: the heartbeat. */
  #lastRead = 0
  /** When the current connection attempt or read began. */
  #attemptStartedAt = 0
  /** The last connection error ioredis reported, added to the degraded message. */
  #lastConnectionError: string | null = null
  #watchdog: NodeJS.Timeout | null = null
  #lastCheck = 0
  get #checkEveryMs() {
    return Math.max(50, Math.floor(this.#watchdogMs / 5))
  }

  #publisher: Redis | null = null
  /**
   * Tags that could not be published yet, sent as one entry: order among them no longer matters
   * once every reader is degraded. Each remembers when it was last queued, so a tag queued again
   * while a retry is on its way stays queued for the next one.
   */
  #queued = new Map<string, number>()
  #queueCount = 0
  #flushing: Promise<void> | null = null

  constructor(options: PurgeLogOptions) {
    this.key = `${options.prefix ?? DEFAULTS.prefix}purges`
    this.instance = options.instance ?? `${os.hostname()}:${process.pid}`
    const connect = options.connect ?? (options.redisUrl ? defaultConnection(options.redisUrl, this.instance) : null)
    if (!connect) throw new Error(messages.noConnection)
    this.#connect = connect
    this.#logger = options.logger ?? console
    this.#now = options.now ?? Date.now
    this.#maxLength = options.maxLength ?? DEFAULTS.maxLength
    this.#blockMs = options.blockMs ?? DEFAULTS.blockMs
    this.#watchdogMs = options.watchdogMs ?? DEFAULTS.watchdogMs
    this.#retryMs = options.retryMs ?? DEFAULTS.retryMs
    const { onPurge, onDegraded, onRecovered } = options
    if (onPurge || onDegraded || onRecovered) this.#listeners.add({ onPurge, onDegraded, onRecovered })
  }

  get state(): PurgeLogState {
    return this.#state
  }

  /** The id of the last entry applied (or the stream's tail when reading began); null before the first read. */
  get lastId(): string | null {
    return this.#lastId
  }

  /** Adds a listener (the Next cache handler subscribes this way); returns the unsubscribe function. */
  subscribe(listener: PurgeListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  /** Starts the one reader of this process. Purges are delivered from the stream's current tail on. */
  start(): void {
    if (this.#running) return
    this.#stopped = false
    this.#lastRead = this.#now()
    this.#attemptStartedAt = this.#lastRead
    this.#lastCheck = this.#lastRead
    this.#watchdog = setInterval(() => this.#checkWatchdog(), this.#checkEveryMs)
    this.#watchdog.unref()
    this.#running = this.#readLoop()
  }

  /**
   * Appends one purge; resolves with its stream id, or null when Redis could not take it. Then
   * the tags wait in memory and are retried, and this process is degraded until they are out.
   * Never rejects: the change itself has succeeded, and the retry is what makes it reach others.
   */
  async publish(tags: Iterable<string>): Promise<string | null> {
    const unique = [...new Set(tags)]
    if (unique.length === 0) return null
    if (this.#queued.size > 0) {
      // Behind the queue, never ahead of it.
      this.#enqueue(unique)
      this.#scheduleFlush()
      return null
    }
    try {
      return await this.#appendInTime(unique)
    } catch (error) {
      this.#enqueue(unique)
      this.#degrade('publisher', `${messages.unpublished(1)}: ${describe(error)}`)
      this.#scheduleFlush()
      return null
    }
  }

  /** Waits until every queued purge is published, or the time is up; says whether the queue is empty. */
  async flush(timeoutMs = 5_000): Promise<boolean> {
    const deadline = this.#now() + timeoutMs
    while (this.#queued.size > 0 && this.#now() < deadline && !this.#stopped) {
      this.#scheduleFlush()
      await Promise.race([this.#flushing, sleep(this.#retryMs)])
    }
    return this.#queued.size === 0
  }

  /** Stops reading and publishing and closes the connections (shutdown, tests). */
  async stop(): Promise<void> {
    this.#stopped = true
    if (this.#watchdog) clearInterval(this.#watchdog)
    this.#watchdog = null
    const closed = [this.#reader, this.#publisher].map((client) => client && close(client))
    await this.#running
    await this.#flushing
    await Promise.all(closed)
    this.#running = null
    this.#reader = null
    this.#publisher = null
    if (this.#queued.size > 0) this.#logger.error(messages.lost(this.#queued.size))
  }

  /** A publish waits no longer than a read would: a hung Redis must not hold up the request that made the change. */
  #appendInTime(tags: string[]): Promise<string> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.#publisher?.disconnect()
        this.#publisher = null
        reject(new Error(messages.publishTimeout(this.#blockMs)))
      }, this.#blockMs)
    })
    return Promise.race([this.#append(tags), timeout]).finally(() => clearTimeout(timer))
  }

  async #append(tags: string[]): Promise<string> {
    let client = this.#publisher
    if (!client) {
      client = await this.#connect('publisher')
      client.on('error', (error: unknown) => {
        this.#lastConnectionError = describe(error)
      })
      this.#publisher = client
    }
    if (client.status === 'wait' || client.status === 'end') await client.connect()
    const id = await client.xadd(this.key, 'MAXLEN', '~', this.#maxLength, '*', 'tags', JSON.stringify(tags), 'origin', this.instance)
    if (id === null) throw new Error(messages.noId)
    return id
  }

  #enqueue(tags: string[]) {
    for (const tag of tags) this.#queued.set(tag, ++this.#queueCount)
  }

  #scheduleFlush() {
    if (this.#flushing || this.#stopped) return
    this.#flushing = (async () => {
      while (this.#queued.size > 0 && !this.#stopped) {
        const batch = [...this.#queued]
        try {
          await this.#appendInTime(batch.map(([tag]) => tag))
          for (const [tag, queuedAt] of batch) if (this.#queued.get(tag) === queuedAt) this.#queued.delete(tag)
        } catch (error) {
          this.#degrade('publisher', `${messages.unpublished(this.#queued.size)}: ${describe(error)}`)
          await sleep(this.#retryMs)
        }
      }
      if (this.#queued.size === 0) this.#heal('publisher')
    })().finally(() => {
      this.#flushing = null
    })
  }

  async #readLoop(): Promise<void> {
    /** Failures in a row: the first one is retried at once, so a dropped connection can catch up without a purge. */
    let failures = 0
    while (!this.#stopped) {
      try {
        this.#attemptStartedAt = this.#now()
        let reader = this.#reader
        if (!reader) {
          reader = await this.#openReader()
          if (this.#stopped) {
            reader.disconnect()
            break
          }
          // Positioned: every entry after lastId comes with the next read, as in any blocking read.
          this.#lastRead = this.#now()
          this.#heal('reader')
          this.#heal('starting')
        }
        this.#attemptStartedAt = this.#now()
        const reply = (await reader.xread('COUNT', READ_BATCH, 'BLOCK', this.#blockMs, 'STREAMS', this.key, this.#lastId ?? '$')) as
          | [string, [string, string[]][]][]
          | null
        if (this.#stopped) break
        this.#lastRead = this.#now()
        failures = 0
        this.#heal('reader')
        for (const [, entries] of reply ?? []) for (const [id, fields] of entries) this.#apply(id, fields)
      } catch (error) {
        if (this.#stopped) break
        this.#reader?.disconnect()
        this.#reader = null
        failures += 1
        const recent = this.#now() - this.#lastRead < this.#watchdogMs
        if (failures > 1 || !recent) {
          this.#degrade('reader', describe(error))
          await sleep(this.#retryMs)
        }
      }
    }
  }

  /** Connects a reader and works out where to resume, degrading when purges may have been missed. */
  async #openReader(): Promise<Redis> {
    const client = await this.#connect('reader')
    // ioredis also reports connection trouble as events; the rejected commands drive the state, the event names the cause.
    client.on('error', (error: unknown) => {
      this.#lastConnectionError = describe(error)
    })
    this.#reader = client
    try {
      await client.connect()
      const runId = /run_id:(\w+)/.exec(await client.info('server'))?.[1] ?? null
      const info = await client.xinfo('STREAM', this.key).then(parseInfo, (error: unknown) => {
        if (/no such key/i.test(describe(error))) return null
        throw error
      })
      this.#position(info, runId)
      return client
    } catch (error) {
      this.#reader = null
      client.disconnect()
      throw error
    }
  }

  #position(info: StreamInfo | null, runId: string | null) {
    const restarted = this.#serverRunId !== null && runId !== null && runId !== this.#serverRunId
    this.#serverRunId = runId
    const tail = info?.lastGenerated ?? '0-0'
    if (this.#lastId === null) {
      // A new process has nothing cached: it starts at the tail.
      this.#lastId = tail
      return
    }
    if (restarted) {
      // What Redis held before it restarted may be gone or incomplete.
      this.#lastId = compareStreamIds(tail, this.#lastId) < 0 ? tail : this.#lastId
      this.#gap(messages.restarted)
    } else if (compareStreamIds(tail, this.#lastId) < 0) {
      this.#lastId = tail
      this.#gap(messages.reset)
    } else if (info && info.firstEntry !== null && compareStreamIds(info.firstEntry, this.#lastId) > 0 && (info.entriesAdded === null || info.entriesAdded > info.length)) {
      // The oldest entry left is newer than the last one read, and entries were trimmed: some in between may be lost.
      this.#gap(messages.trimmed)
    }
  }

  /** A gap found while the connection itself is fine: degraded now, recovered by the next read. */
  #gap(reason: string) {
    this.#degrade('reader', reason)
  }

  #apply(id: string, fields: string[]) {
    this.#lastId = id
    const parsed = parseTags(fields)
    if (!parsed) {
      this.#logger.error(messages.malformed(id))
      this.#degrade('reader', messages.malformed(id))
      this.#heal('reader')
      return
    }
    const entry: PurgeEntry = { id, tags: parsed.tags, origin: parsed.origin }
    for (const listener of this.#listeners) {
      try {
        listener.onPurge?.(entry)
      } catch (error) {
        // A cache that could not be purged may serve a stale page: empty everything instead.
        this.#logger.error(messages.listenerFailed(`entry ${id}`, error))
        this.#degrade('listener', messages.listenerFailed(`entry ${id}`, error))
        this.#heal('listener')
      }
    }
  }

  #checkWatchdog() {
    if (this.#stopped || !this.#running) return
    const now = this.#now()
    const sinceCheck = now - this.#lastCheck
    this.#lastCheck = now
    // The event loop itself was blocked (start-up, a long render): a reply may be waiting unread
    // behind this timer, so judge Redis at the next check, once it has been read.
    if (sinceCheck > 2 * this.#checkEveryMs) return
    if (now - this.#lastRead > this.#watchdogMs) this.#degrade('reader', messages.watchdog(this.#watchdogMs))
    // Break a read or a connection attempt that hangs, so the loop tries again.
    if (now - this.#attemptStartedAt > this.#watchdogMs + this.#blockMs) this.#reader?.disconnect()
  }

  #degrade(source: string, reason: string) {
    this.#reasons.add(source)
    // Logged and announced once per spell: the listeners purged everything the first time.
    if (this.#announced !== null) return
    this.#state = 'degraded'
    const detail = this.#lastConnectionError && !reason.includes(this.#lastConnectionError) ? `${reason}; ${this.#lastConnectionError}` : reason
    this.#announced = detail
    this.#logger.error(messages.degraded(detail))
    this.#notify('degraded', (listener) => listener.onDegraded?.(detail))
  }

  #heal(source: string) {
    if (!this.#reasons.delete(source) || this.#reasons.size > 0 || this.#state === 'live') return
    this.#state = 'live'
    this.#lastConnectionError = null
    if (this.#announced !== null) this.#logger.info(messages.recovered)
    this.#announced = null
    this.#notify('recovered', (listener) => listener.onRecovered?.())
  }

  #notify(what: string, call: (listener: PurgeListener) => void) {
    for (const listener of this.#listeners) {
      try {
        call(listener)
      } catch (error) {
        this.#logger.error(messages.listenerFailed(what, error))
      }
    }
  }
}
