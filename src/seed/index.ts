import type { CollectionSlug, Payload, Where } from 'payload'

import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { CastSlug } from './data'

import { aboutPage, authors, cast, categories, demoTags, demoUsers, furtherArticles, REFERENCE_SLUG, referenceComments } from './data'
import { placeholderImage } from './images'
import { doc as richText, p } from './lexical'
import { referenceArticleContent } from './referenceArticle'
import { seedViews } from './views'

export type SeedSummary = {
  created: Record<string, number>
  credentials: { email: string; password: string; roles: string[] }[]
}

type SeedArgs = {
  payload: Payload
  /** Where demo-credentials.txt goes (the data directory). */
  dataDir: string
  log?: (line: string) => void
}

const DAY = 24 * 60 * 60 * 1000

/**
 * Builds the demo newsroom. Every record is looked up by its natural key (slug, email, file
 * name, comment text) before it is created, so a second run finds everything and creates
 * nothing, and a run interrupted half-way is completed by the next one.
 */
export async function seed({ payload, dataDir, log = () => undefined }: SeedArgs): Promise<SeedSummary> {
  const created: Record<string, number> = {}
  // Seeding writes many documents: skip cache revalidation hooks and act as the system.
  const context = { disableRevalidate: true, seeding: true }
  const base = { overrideAccess: true, context, depth: 0 } as const

  async function findOrCreate<T extends { id: string }>(
    collection: CollectionSlug,
    where: Where,
    create: () => Promise<T>,
  ): Promise<T> {
    const existing = await payload.find({ ...base, collection, where, limit: 1, pagination: false, draft: true })
    if (existing.docs[0]) return existing.docs[0] as unknown as T
    const record = await create()
    created[collection] = (created[collection] ?? 0) + 1
    return record
  }

  async function media(name: string, alt: string, motif: 'portrait' | 'scene', size: [number, number]) {
    const filename = `${name}.png`
    return findOrCreate('media', { alt: { equals: alt } }, async () => {
      const data = await placeholderImage({ seed: name, width: size[0], height: size[1], motif })
      return (await payload.create({
        ...base,
        collection: 'media',
        data: { alt, credit: 'Byline demo artwork' },
        file: { data, mimetype: 'image/png', name: filename, size: data.length },
      })) as { id: string }
    })
  }

  // Staff accounts, one per role, with passwords nobody has seen before this run.
  const credentials: SeedSummary['credentials'] = []
  const userIds: Record<string, string> = {}
  for (const user of demoUsers) {
    const record = await findOrCreate('users', { email: { equals: user.email } }, async () => {
      const password = randomBytes(12).toString('base64url')
      credentials.push({ email: user.email, password, roles: user.roles })
      return (await payload.create({
        ...base,
        collection: 'users',
        data: { email: user.email, name: user.name, roles: user.roles, password },
      })) as { id: string }
    })
    userIds[user.email] = record.id
  }
  if (credentials.length > 0) writeCredentials({ dataDir, credentials })

  const categoryIds: Record<string, string> = {}
  for (const category of categories) {
    const record = await findOrCreate('categories', { slug: { equals: category.slug } }, async () =>
      (await payload.create({
        ...base,
        collection: 'categories',
        data: {
          name: category.name,
          slug: category.slug,
          parent: 'parent' in category ? categoryIds[category.parent] : undefined,
        },
      })) as { id: string },
    )
    categoryIds[category.slug] = record.id
  }

  const authorIds: Record<string, string> = {}
  for (const author of authors) {
    const avatar = await media(`author-${author.slug}`, `Portrait of ${author.name}`, 'portrait', [400, 400])
    const account = demoUsers.find((u) => u.author === author.slug)
    const record = await findOrCreate('authors', { slug: { equals: author.slug } }, async () =>
      (await payload.create({
        ...base,
        collection: 'authors',
        data: {
          name: author.name,
          slug: author.slug,
          bio: author.bio,
          avatar: avatar.id,
          links: { website: author.website },
          user: account ? userIds[account.email] : undefined,
        },
      })) as { id: string },
    )
    authorIds[author.slug] = record.id
  }

  const castIds = {} as Record<CastSlug, string>
  for (const member of cast) {
    const photo = await media(`cast-${member.slug}`, `${member.name}, who plays ${member.character}`, 'portrait', [600, 600])
    const record = await findOrCreate('cast', { slug: { equals: member.slug } }, async () =>
      (await payload.create({
        ...base,
        collection: 'cast',
        data: { name: member.name, character: member.character, slug: member.slug, bio: member.bio, photo: photo.id },
      })) as { id: string },
    )
    castIds[member.slug] = record.id
  }

  const tagIds: Record<string, string[]> = {}
  for (const demoTag of demoTags) {
    const record = await findOrCreate('tags', { slug: { equals: demoTag.slug } }, async () =>
      (await payload.create({ ...base, collection: 'tags', data: { name: demoTag.name, slug: demoTag.slug, description: demoTag.description } })) as { id: string },
    )
    for (const articleSlug of demoTag.tagged) (tagIds[articleSlug] ??= []).push(record.id)
  }

  const now = Date.now()
  for (const article of furtherArticles) {
    const hero = await media(`hero-${article.slug}`, `Illustration for “${article.title}”`, 'scene', [1600, 900])
    await findOrCreate('articles', { slug: { equals: article.slug } }, async () =>
      (await payload.create({
        ...base,
        collection: 'articles',
        draft: article.draft ?? false,
        data: {
          title: article.title,
          slug: article.slug,
          excerpt: article.excerpt,
          heroImage: hero.id,
          content: richText(...article.paragraphs.map((para) => p(para))),
          category: categoryIds[article.category],
          authors: [authorIds[article.author]].filter(isString),
          cast: (article.cast ?? []).map((slug) => castIds[slug]),
          tags: tagIds[article.slug] ?? [],
          _status: article.draft ? 'draft' : 'published',
          publishedAt: article.draft ? undefined : new Date(now - article.daysAgo * DAY).toISOString(),
        },
      })) as { id: string },
    )

  }

  const referenceHero = await media('hero-heartstopper-season-2', 'Two teenagers sit side by side on a school bench, drawn in soft autumn colours', 'scene', [1600, 900])
  const filmingImage = await media('kent-coast', 'A Kent coastline at low tide under a pale sky', 'scene', [1200, 800])
  const reference = await findOrCreate('articles', { slug: { equals: REFERENCE_SLUG } }, async () =>
    (await payload.create({
      ...base,
      collection: 'articles',
      data: {
        title: 'Everything We Know About Heartstopper Season 2 (Release date & more)',
        slug: REFERENCE_SLUG,
        excerpt:
          'A second season has not been commissioned yet, but the cast, the story so far and the graphic novels give us plenty to go on.',
        heroImage: referenceHero.id,
        content: referenceArticleContent({ cast: castIds, filmingImage: filmingImage.id }),
        category: categoryIds.entertainment,
        authors: [authorIds['ellis-marlowe']].filter(isString),
        cast: Object.values(castIds),
        tags: tagIds[REFERENCE_SLUG] ?? [],
        commentsOpen: true,
        _status: 'published',
        publishedAt: new Date(now - 1 * DAY).toISOString(),
      },
    })) as { id: string },
  )

  await findOrCreate('pages', { slug: { equals: aboutPage.slug } }, async () =>
    (await payload.create({
      ...base,
      collection: 'pages',
      data: { title: aboutPage.title, slug: aboutPage.slug, content: richText(...aboutPage.paragraphs.map((para) => p(para))), _status: 'published' },
    })) as { id: string },
  )

  const commentIds: string[] = []
  for (const [index, comment] of referenceComments.entries()) {
    const parent = comment.replyTo === undefined ? undefined : commentIds[comment.replyTo]
    const record = await findOrCreate(
      'comments',
      { and: [{ article: { equals: reference.id } }, { authorEmail: { equals: comment.email } }, { body: { equals: comment.body } }] },
      async () =>
        (await payload.create({
          ...base,
          collection: 'comments',
          data: {
            article: reference.id,
            parent,
            authorName: comment.name,
            authorEmail: comment.email,
            authorUrl: comment.url,
            body: comment.body,
            status: comment.status,
          },
        })) as { id: string },
    )
    commentIds[index] = record.id
  }

  // A week of page views, so the demo's Most Popular ranks by views (src/seed/views.ts).
  const views = await seedViews({ payload })
  if (views > 0) created['article-views'] = views

  const total = Object.values(created).reduce((sum, n) => sum + n, 0)
  log(total === 0 ? 'Demo content already present; nothing to add.' : `Demo content added: ${formatCounts(created)}.`)
  return { created, credentials }
}

function isString(value: string | undefined): value is string {
  return typeof value === 'string'
}

function formatCounts(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([collection, n]) => `${n} ${collection}`)
    .join(', ')
}

function writeCredentials({ dataDir, credentials }: { dataDir: string; credentials: SeedSummary['credentials'] }) {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'demo-credentials.txt')
  const lines = credentials.map((c) => `${c.roles.join(',').padEnd(12)} ${c.email.padEnd(26)} ${c.password}`)
  const header = fs.existsSync(file) ? '' : '# Byline demo staff accounts (role, email, password). Keep this file private.\n'
  fs.appendFileSync(file, `${header}${lines.join('\n')}\n`, { mode: 0o600 })
}

/** Shows newly created demo passwords once, on the console of whoever ran the seed. */
export function printCredentials({ credentials, dataDir }: { credentials: SeedSummary['credentials']; dataDir: string }) {
  if (credentials.length === 0) return
  console.log('\nDemo staff accounts (shown once; also saved to %s/demo-credentials.txt):', dataDir)
  for (const c of credentials) console.log(`  ${c.roles.join(',').padEnd(12)} ${c.email.padEnd(26)} ${c.password}`)
  console.log('')
}
