/**
 * The content conversion's worker thread (./conversions.ts): loads the Payload config once for the
 * rich-text editors' settings, then turns each post's HTML into Lexical (./content.ts convertBody).
 * It reads and writes nothing else; images and links are settled on the main thread.
 */
import type { SanitizedServerEditorConfig } from '@payloadcms/richtext-lexical'
import type { CollectionSlug } from 'payload'

import { parentPort } from 'node:worker_threads'

import type { ConversionReply, ConversionRequest } from './conversions'

import { preloadLexical } from '@/lib/preloadLexical'

async function start() {
  // Lexical first, one package at a time, then what imports it (src/lib/preloadLexical.ts says why).
  await preloadLexical()
  const { contentEditorOf, convertBody } = await import('./content')
  const config = await (await import('@payload-config')).default
  const editors = new Map<CollectionSlug, SanitizedServerEditorConfig>()
  const editorOf = (collection: CollectionSlug) => {
    const existing = editors.get(collection)
    if (existing) return existing
    const editor = contentEditorOf(config.collections.find((c) => c.slug === collection))
    editors.set(collection, editor)
    return editor
  }
  parentPort?.on('message', (request: ConversionRequest) => {
    let reply: ConversionReply
    try {
      reply = { id: request.id, body: convertBody({ html: request.html, itemId: request.itemId, editorConfig: editorOf(request.collection) }) }
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) }
    }
    parentPort?.postMessage(reply)
  })
  parentPort?.postMessage({ ready: true })
}

start().catch((error: unknown) => parentPort?.postMessage({ failed: error instanceof Error ? error.message : String(error) }))
