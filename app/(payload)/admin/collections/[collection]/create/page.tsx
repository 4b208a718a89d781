/*
 * Payload's create view, as the catch-all page beside it renders it, but handed a config with
 * autosave off (src/admin/createNew): opening "Create New" makes no document until the writer
 * types (#11). Next prefers this route to the catch-all for /admin/collections/{slug}/create.
 */
import type { Metadata } from 'next'

import config from '@payload-config'
import { generatePageMetadata, RootPage } from '@payloadcms/next/views'
import { getPayload } from 'payload'

import { withoutEagerCreate } from '@/admin/createNew/withoutEagerCreate'

import { importMap } from '../../../importMap'

type Args = {
  params: Promise<{ collection: string }>
  searchParams: Promise<{ [key: string]: string | string[] }>
}

const segments = async (params: Args['params']) => ({ segments: ['collections', (await params).collection, 'create'] })

export const generateMetadata = ({ params, searchParams }: Args): Promise<Metadata> =>
  generatePageMetadata({ config, params: segments(params), searchParams })

const Page = async ({ params, searchParams }: Args) => {
  // Payload starts from the real config (as the admin's other pages start it) before this page's
  // copy is handed over, so the copy can never become the running instance's config.
  await getPayload({ config, cron: true, importMap })
  return RootPage({ config: config.then(withoutEagerCreate), params: segments(params), searchParams, importMap })
}

export default Page
