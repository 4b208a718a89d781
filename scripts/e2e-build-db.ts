/**
 * For scripts/e2e.sh: makes the database `next build` runs against differ from the one the tests
 * serve. The newest published article gets the title in E2E_BUILD_ONLY_TITLE here only, so
 * tests/e2e/buildContent.e2e.spec.ts can tell whether anything baked in at build reaches a reader.
 */
import { bootPayload, runCommand } from '@/db/bootstrap'

const messages = {
  noTitle: 'E2E_BUILD_ONLY_TITLE is not set: scripts/e2e.sh sets it to the title only the build database has.',
  noArticle: 'The build database has no published article to retitle; was it seeded?',
}

runCommand(async () => {
  const title = process.env.E2E_BUILD_ONLY_TITLE?.trim()
  if (!title) throw new Error(messages.noTitle)
  const { payload } = await bootPayload()
  const { docs } = await payload.find({
    collection: 'articles',
    where: { _status: { equals: 'published' } },
    sort: '-publishedAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const [article] = docs
  if (!article) throw new Error(messages.noArticle)
  // No server runs yet: nothing to expire.
  await payload.update({ collection: 'articles', id: article.id, data: { title }, overrideAccess: true, context: { disableRevalidate: true } })
  payload.logger.info(`Build database only: article ${article.id} is now titled "${title}"`)
  await payload.destroy()
})
