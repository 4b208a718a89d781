'use server'

import type { PayloadRequest } from 'payload'

import type { FiledStatus } from '@/comments/statuses'

import config from '@payload-config'
import { headers } from 'next/headers'
import { createLocalReq, getPayload } from 'payload'

import { deleteForever, emptyFolder, replyAsNewsroom } from './commands'

/**
 * The queue's server actions. Anyone can call a server action who finds its id, so none trusts
 * the page that offered it: each reads the session from the request's cookies and the command it
 * runs checks the role (src/admin/moderation/commands.ts).
 */
async function requestFromSession(): Promise<PayloadRequest> {
  const payload = await getPayload({ config })
  const requestHeaders = await headers()
  const { user } = await payload.auth({ headers: requestHeaders })
  const req = await createLocalReq({ user: user ?? undefined }, payload)
  // The reply records the sender's metadata as any comment does.
  req.headers = requestHeaders
  return req
}

export async function replyAction({ commentId, body }: { commentId: string; body: string }) {
  return replyAsNewsroom({ req: await requestFromSession(), commentId, body })
}

export async function deleteForeverAction({ ids }: { ids: string[] }) {
  return deleteForever({ req: await requestFromSession(), ids })
}

export async function emptyFolderAction({ status }: { status: FiledStatus }) {
  return emptyFolder({ req: await requestFromSession(), status })
}
