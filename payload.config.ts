import { buildConfig } from 'payload'
import path from 'node:path'
import sharp from 'sharp'
import { fileURLToPath } from 'node:url'
import { redirectsPlugin } from '@payloadcms/plugin-redirects'
import { seoPlugin } from '@payloadcms/plugin-seo'

import { Articles } from './collections/Articles'
import { articleSeo } from './collections/Articles/seo'
import { ArticleViews } from './collections/ArticleViews'
import { Authors } from './collections/Authors'
import { Cast } from './collections/Cast'
import { Categories } from './collections/Categories'
import { Comments } from './collections/Comments'
import { ImportSources } from './collections/ImportSources'
import { Media } from './collections/Media'
import { Pages } from './collections/Pages'
import { redirectsOptions } from './collections/Redirects'
import { Tags } from './collections/Tags'
import { Users } from './collections/Users'
import { Discussion } from './globals/Discussion'
import { adminMenu } from './src/admin/menu'
import { adminTimeZones } from './src/admin/timeZones'
import { boundedQueries } from './src/api/queryBounds'
import { boundedRestPages } from './src/api/restBounds'
import { revalidation } from './src/cache/hooks'
import { databaseAdapter } from './src/db/adapter'
import { emailAdapter } from './src/email/adapter'
import { articleEditor } from './src/fields/articleEditor'
import { jobs } from './src/jobs/config'
import { readEnv } from './src/lib/env'
import { mediaStorage } from './src/media/storage'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const env = readEnv()

export default buildConfig({
  serverURL: env.serverURL,
  secret: env.secret,
  db: databaseAdapter(env.database),
  editor: articleEditor,
  collections: [Articles, Pages, Comments, Authors, Cast, Categories, Tags, Media, Users, ArticleViews, ImportSources],
  globals: [Discussion],
  // SEO fields on articles and pages (the `meta` group); old addresses sent on (collections/Redirects.ts,
  // before the revalidation plugin so that their changes expire the redirect table too); expiry of the reader site's cached pages when
  // what they show changes (src/cache); REST lists refused beyond one page of 100 (src/api);
  // media on S3 when S3_* is set, on the local disk otherwise (src/media/storage.ts); each
  // collection and global put in its admin sidebar group, last so that plugins' collections are too (src/admin/menu.ts).
  plugins: [seoPlugin(articleSeo), redirectsPlugin(redirectsOptions), mediaStorage(env.s3), revalidation, boundedRestPages, adminMenu()],
  // GraphQL is for staff only (app/(payload)/api/graphql/route.ts), and each query is costed by
  // the documents it may return, not just its fields (src/api/queryBounds.ts).
  graphQL: { validationRules: (args) => [boundedQueries(args)] },
  // The jobs queue behind scheduled publishing, run by the server itself (src/jobs).
  jobs,
  // SMTP from the environment, or printed to the console without SMTP_HOST (src/email).
  email: emailAdapter(env.email),
  sharp,
  admin: {
    user: Users.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ` · ${env.siteName}` },
    // The newsroom's time zone (BYLINE_TIME_ZONE) is the admin's default: scheduled publishing reads times in it.
    timezones: adminTimeZones(env.timeZone),
    // Initials drawn locally instead of Payload's default Gravatar, which sends each staff
    // member's email hash to gravatar.com on every admin page (src/admin/avatar).
    avatar: { Component: '@/admin/avatar/InitialsAvatar.client#InitialsAvatar' },
    components: {
      // What needs each role now: drafts awaiting review, pending comments, scheduled articles, my drafts.
      beforeDashboard: ['@/admin/dashboard/Dashboard#Dashboard'],
      // The moderation queue (src/admin/moderation): its navigation link with the pending count,
      // the view, and the dashboard that sends moderators there.
      beforeNavLinks: ['@/admin/moderation/NavLink#ModerationNavLink'],
      // The WordPress import screen, for admins (src/import/wordpress/admin).
      afterNavLinks: ['@/import/wordpress/admin/NavLink#ImportNavLink'],
      views: {
        dashboard: { Component: '@/admin/moderation/DashboardOrQueue#DashboardOrQueue' },
        wordpressImport: {
          Component: '@/import/wordpress/admin/ImportView#ImportView',
          path: '/import/wordpress',
          exact: true,
          meta: { title: 'Import from WordPress' },
        },
        moderation: {
          Component: '@/admin/moderation/ModerationView#ModerationView',
          path: '/moderation',
          exact: true,
          meta: { title: 'Moderation queue' },
        },
        // Editors clear the empty drafts "Create New" leaves behind (src/admin/emptyDrafts).
        emptyDrafts: {
          Component: '@/admin/emptyDrafts/EmptyDraftsView#EmptyDraftsView',
          path: '/empty-drafts',
          exact: true,
          meta: { title: 'Empty drafts' },
        },
      },
    },
  },
  typescript: {
    outputFile: path.resolve(dirname, 'src/payload-types.ts'),
  },
  telemetry: false,
})
