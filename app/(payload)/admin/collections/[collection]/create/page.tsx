/*
 * Payload's create view, as the catch-all page beside it renders it, but with a config in which
 * the create view does not save the document as it opens (src/admin/createNew): "Create New" makes
 * no document until the writer types (#11). Next prefers this route to the catch-all for
 * /admin/collections/{slug}/create.
 */
import type { Metadata } from 'next'

import config from '@payload-config'
import { getNextRequestI18n } from '@payloadcms/next/utilities'
import { generatePageMetadata, RootPage } from '@payloadcms/next/views'
import { getClientConfig } from '@payloadcms/ui/utilities/getClientConfig'
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
  const realConfig = await config
  // Payload starts from the real config (as the admin's other pages start it), and the admin's
  // client config, which Payload builds once per language and keeps, is built from it too: the copy
  // handed over below only decides whether this one view saves on opening. The browser keeps
  // autosave, which takes over once CreateOnFirstInput has made the document.
  await getPayload({ config: realConfig, cron: true, importMap })
  getClientConfig({ config: realConfig, i18n: await getNextRequestI18n({ config: realConfig }), importMap, user: true })
  return RootPage({ config: Promise.resolve(withoutEagerCreate(realConfig)), params: segments(params), searchParams, importMap })
}

export default Page
