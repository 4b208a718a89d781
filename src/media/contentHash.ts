import type { CollectionBeforeOperationHook, FieldAccess, FieldHook, PayloadRequest, TextField, Where } from 'payload'

import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

import { isStaff } from '@/access/isStaff'

/**
 * Duplicate uploads (issue #11, item 15): each upload keeps the SHA-256 of the bytes it was
 * uploaded with. The hash is taken from the incoming file (`req.file`, what the browser or the
 * Local API sent) in `beforeOperation`, before Payload converts it to WebP (which replaces
 * `req.file`) and hands it to storage, so it works the same on the local disk and on S3, and two
 * uploads of one photo match however they are stored.
 *
 * The choice is to warn and allow: the same picture may rightly be uploaded twice (another
 * credit, another alt text for another story), and the WordPress import and the seed upload
 * whatever they are given. The admin names the earlier upload and links to it
 * (src/admin/media/DuplicateNotice.tsx), and anyone on the staff can find copies by hash.
 */

const serverOnly: FieldAccess = () => false

type IncomingFile = { data?: Buffer; tempFilePath?: string }

/** The hash of a file as Payload received it: in memory, or in a temporary file with `useTempFiles`. */
async function hashIncomingFile(file: IncomingFile): Promise<string | null> {
  if (file.data && file.data.length > 0) return createHash('sha256').update(file.data).digest('hex')
  if (!file.tempFilePath) return null
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file.tempFilePath)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** Where the hash of this operation's file waits for the field hook; cleared by an operation without a file. */
const CONTEXT_KEY = 'mediaContentHash'

/** Hashes the file as it arrived, before the upload pipeline converts it. */
export const hashUpload: CollectionBeforeOperationHook = async ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const { req } = args as { req: PayloadRequest }
  const file = req.file as IncomingFile | undefined
  req.context[CONTEXT_KEY] = file ? await hashIncomingFile(file) : null
  return args
}

/** A new file gets its hash; an edit without one (alt text, focal point) keeps the stored hash. */
const setContentHash: FieldHook = ({ req, originalDoc, value, operation }) => {
  const hash = req.context[CONTEXT_KEY]
  if (typeof hash === 'string') return hash
  return operation === 'create' ? (value ?? null) : (originalDoc?.contentHash ?? null)
}

export const contentHashField: TextField = {
  name: 'contentHash',
  type: 'text',
  index: true,
  // Staff only: a hash lets anyone who holds a picture ask whether the newsroom has it.
  access: { read: isStaff, create: serverOnly, update: serverOnly },
  admin: { hidden: true, disableListColumn: true, disableListFilter: true },
  hooks: { beforeChange: [setContentHash] },
}

type Duplicate = { id: string; alt: string; filename: string | null }

/**
 * The earlier uploads of the same bytes (uploaded before `createdAt`), oldest first, as `req.user`
 * may read them; `hidden` counts those they may not (a contributor does not read others'
 * unpublished uploads), so the notice can say a copy exists without naming it. Only earlier ones:
 * the first upload of a picture is the one to keep, and says nothing.
 */
export async function findDuplicates({ req, id, hash, createdAt }: { req: PayloadRequest; id: string | number; hash: string; createdAt: string }): Promise<{ readable: Duplicate[]; hidden: number }> {
  const where: Where = { and: [{ contentHash: { equals: hash } }, { id: { not_equals: id } }, { createdAt: { less_than_equal: createdAt } }] }
  const [readable, all] = await Promise.all([
    req.payload.find({ collection: 'media', where, sort: 'createdAt', limit: 5, depth: 0, overrideAccess: false, user: req.user, req, select: { alt: true, filename: true } }),
    req.payload.count({ collection: 'media', where, overrideAccess: true, req }),
  ])
  return {
    readable: readable.docs.map((doc) => ({ id: String(doc.id), alt: doc.alt, filename: doc.filename ?? null })),
    hidden: Math.max(0, all.totalDocs - readable.totalDocs),
  }
}
