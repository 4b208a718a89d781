/**
 * Where a post's HTML becomes Lexical: in a worker thread on the command line, so that jsdom and
 * Lexical (about a third of an import's time) run on the second core while the main thread writes;
 * in this thread elsewhere (the admin screen runs inside the web server, and tests).
 *
 * The worker is asked ahead of the writes (the importer keeps a few items in flight) and answers in
 * order. If it cannot start, the run converts in this thread instead: slower, never different.
 */
import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { CollectionSlug } from 'payload'

import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'

import type { ConvertedBody } from './content'

import { convertBody } from './content'

export type ConversionRequest = { id: number; collection: CollectionSlug; html: string; itemId: string }
export type ConversionReply = { id: number; body: ConvertedBody } | { id: number; error: string }
type WorkerMessage = ConversionReply | { ready: true } | { failed: string }

const messages = { noWorker: 'Converting content in this thread: the conversion worker could not run' }

/** The worker's own heap: one post at a time, plus Payload's config. */
const WORKER_HEAP_MB = 128

type Conversions = {
  convert: (collection: CollectionSlug, html: string, itemId: string) => Promise<ConvertedBody>
  close: () => Promise<void>
}

/** Converting in this thread. */
export function inThread(editorConfig: (collection: CollectionSlug) => SanitizedServerEditorConfig): Conversions {
  return {
    convert: async (collection, html, itemId) => convertBody({ html, itemId, editorConfig: editorConfig(collection) }),
    close: async () => undefined,
  }
}

/**
 * Converting in a worker thread started from `entry` (./conversionWorker.ts, named by the command
 * line: this module is also bundled into the web server, which has no use for it), falling back to
 * this thread if the worker cannot start or stops.
 */
export function inWorker(editorConfig: (collection: CollectionSlug) => SanitizedServerEditorConfig, entry: string, warn: (message: string) => void): Conversions {
  const local = inThread(editorConfig)
  const pending = new Map<number, { resolve: (body: ConvertedBody) => void; reject: (error: Error) => void }>()
  let nextId = 0
  let broken = false
  // The command line runs TypeScript through tsx, whose loader a worker does not inherit: it registers it first.
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(entry).href)}) })`
  const worker = new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 } })
  const ready = new Promise<boolean>((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) return resolve(true)
      if ('failed' in message) {
        broken = true
        warn(`${messages.noWorker} (${message.failed})`)
        return resolve(false)
      }
      const waiting = pending.get(message.id)
      pending.delete(message.id)
      if ('body' in message) waiting?.resolve(message.body)
      else waiting?.reject(new Error(message.error))
    })
    const stop = (error?: unknown) => {
      if (!broken) warn(`${messages.noWorker} (${error instanceof Error ? error.message : `it stopped`})`)
      broken = true
      resolve(false)
      // What the worker held is converted here instead.
      for (const waiting of pending.values()) waiting.reject(new WorkerStopped())
      pending.clear()
    }
    worker.on('error', stop)
    worker.on('exit', stop)
  })
  return {
    async convert(collection, html, itemId) {
      if (broken || !(await ready)) return local.convert(collection, html, itemId)
      const id = (nextId += 1)
      try {
        return await new Promise<ConvertedBody>((resolve, reject) => {
          pending.set(id, { resolve, reject })
          worker.postMessage({ id, collection, html, itemId } satisfies ConversionRequest)
        })
      } catch (error) {
        if (error instanceof WorkerStopped) return local.convert(collection, html, itemId)
        throw error
      }
    },
    async close() {
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}

class WorkerStopped extends Error {}
