/**
 * The WordPress import benchmark (`npm run bench -- --only import`): writes a WXR export of
 * 10,000 posts and 100,000 comments (bodies of realistic length, some images in a local uploads
 * folder), imports it with `npm run import:wordpress` into a fresh SQLite database, and reports
 * posts/s, comments/s, the total time and the import process's peak memory (resident set).
 */
import { execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import sharp from 'sharp'

export const IMPORT_SCALE = { posts: 10_000, comments: 100_000, images: 40, authors: 25, categories: 12, tags: 200 }
export type ImportScale = typeof IMPORT_SCALE

export type ImportFigures = { seconds: number; postsPerSecond: number; commentsPerSecond: number; peakRssMb: number; fileMb: number; failed: number; report: unknown }

const WORDS =
  'harbour council ferry storm night market festival budget school river bridge station weather season report plan street library museum coast island village tide boat crew mayor vote housing rail bus theatre music garden police court hospital'.split(
    ' ',
  )

/** Deterministic words, so every run imports the same file. */
function words(seed: number, count: number): string {
  const out: string[] = []
  let x = seed * 2654435761
  for (let i = 0; i < count; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0
    out.push(WORDS[x % WORDS.length] ?? 'news')
  }
  return out.join(' ')
}

const cdata = (value: string) => `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
const date = (offsetMinutes: number) => new Date(Date.UTC(2015, 0, 1) + offsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ')

/** Writes the export and its uploads folder; returns the export's path. */
export async function writeBenchExport(dir: string, IMPORT_SCALE: ImportScale): Promise<{ file: string; uploads: string }> {
  const uploads = path.join(dir, 'uploads')
  fs.mkdirSync(path.join(uploads, '2020/01'), { recursive: true })
  for (let i = 0; i < IMPORT_SCALE.images; i += 1) {
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: (i * 37) % 255, g: (i * 71) % 255, b: (i * 113) % 255 } } })
      .jpeg({ quality: 80 })
      .toFile(path.join(uploads, `2020/01/photo-${i}.jpg`))
  }
  const file = path.join(dir, 'bench-export.xml')
  const out = fs.createWriteStream(file)
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())))
  const site = 'https://bench-newsroom.example'
  await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench Newsroom</title><link>${site}</link><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>${site}</wp:base_site_url><wp:base_blog_url>${site}</wp:base_blog_url>
`)
  for (let a = 0; a < IMPORT_SCALE.authors; a += 1) {
    await write(`<wp:author><wp:author_id>${a + 1}</wp:author_id><wp:author_login>${cdata(`writer${a}`)}</wp:author_login><wp:author_email>${cdata(`writer${a}@bench.example`)}</wp:author_email><wp:author_display_name>${cdata(`Writer ${a}`)}</wp:author_display_name></wp:author>\n`)
  }
  for (let c = 0; c < IMPORT_SCALE.categories; c += 1) {
    const parent = c >= 4 ? `section-${c % 4}` : ''
    await write(`<wp:category><wp:term_id>${c + 1}</wp:term_id><wp:category_nicename>${cdata(`section-${c}`)}</wp:category_nicename><wp:category_parent>${cdata(parent)}</wp:category_parent><wp:cat_name>${cdata(`Section ${c}`)}</wp:cat_name></wp:category>\n`)
  }
  for (let t = 0; t < IMPORT_SCALE.tags; t += 1) {
    await write(`<wp:tag><wp:term_id>${1000 + t}</wp:term_id><wp:tag_slug>${cdata(`topic-${t}`)}</wp:tag_slug><wp:tag_name>${cdata(`Topic ${t}`)}</wp:tag_name></wp:tag>\n`)
  }
  for (let i = 0; i < IMPORT_SCALE.images; i += 1) {
    const url = `${site}/wp-content/uploads/2020/01/photo-${i}.jpg`
    await write(`<item><title>${cdata(`Photo ${i}`)}</title><link>${url}</link><wp:post_id>${900_000 + i}</wp:post_id><wp:post_type>attachment</wp:post_type><wp:status>inherit</wp:status><wp:attachment_url>${cdata(url)}</wp:attachment_url><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>${cdata(`A bench photograph, number ${i}`)}</wp:meta_value></wp:postmeta></item>\n`)
  }
  const perPost = IMPORT_SCALE.comments / IMPORT_SCALE.posts
  let commentId = 1
  for (let p = 0; p < IMPORT_SCALE.posts; p += 1) {
    const id = p + 1
    const slug = `story-${id}-${words(id, 3).replace(/ /g, '-')}`
    // About 900 words in 12 paragraphs, a heading, a list, a link; an image in one post out of 50.
    const paragraphs = Array.from({ length: 12 }, (_, k) => `<!-- wp:paragraph -->\n<p>${words(id * 31 + k, 75)} <strong>${words(id + k, 2)}</strong>.</p>\n<!-- /wp:paragraph -->`)
    paragraphs.splice(4, 0, `<!-- wp:heading -->\n<h2>${words(id * 7, 4)}</h2>\n<!-- /wp:heading -->`)
    paragraphs.splice(8, 0, `<!-- wp:list -->\n<ul><li>${words(id * 3, 6)}</li><li>${words(id * 5, 6)}</li></ul>\n<!-- /wp:list -->`)
    if (id > 1) paragraphs.push(`<!-- wp:paragraph -->\n<p>Earlier: <a href="${site}/?p=${id - 1}">${words(id, 4)}</a>.</p>\n<!-- /wp:paragraph -->`)
    const image = p % 50 === 0 ? p / 50 % IMPORT_SCALE.images : null
    if (image !== null) {
      paragraphs.splice(2, 0, `<!-- wp:image {"id":${900_000 + image}} -->\n<figure class="wp-block-image"><img src="${site}/wp-content/uploads/2020/01/photo-${image}.jpg" alt="" class="wp-image-${900_000 + image}"/><figcaption>${words(id, 6)}</figcaption></figure>\n<!-- /wp:image -->`)
    }
    const category = `section-${p % IMPORT_SCALE.categories}`
    const tags = [p % IMPORT_SCALE.tags, (p * 7) % IMPORT_SCALE.tags].map((t) => `<category domain="post_tag" nicename="topic-${t}">${cdata(`Topic ${t}`)}</category>`).join('')
    const comments: string[] = []
    const count = Math.round(perPost * (0.5 + ((p * 37) % 100) / 100))
    const first = commentId
    for (let c = 0; c < count && commentId <= IMPORT_SCALE.comments; c += 1, commentId += 1) {
      const parent = c > 0 && c % 3 === 0 ? commentId - 1 : 0
      const approved = c % 20 === 19 ? 'spam' : c % 10 === 9 ? '0' : '1'
      comments.push(
        `<wp:comment><wp:comment_id>${commentId}</wp:comment_id><wp:comment_author>${cdata(`Reader ${commentId % 5000}`)}</wp:comment_author><wp:comment_author_email>${cdata(`reader${commentId % 5000}@readers.example`)}</wp:comment_author_email><wp:comment_author_url></wp:comment_author_url><wp:comment_author_IP>${cdata(`198.51.${(commentId >> 8) % 256}.${commentId % 256}`)}</wp:comment_author_IP><wp:comment_date_gmt>${cdata(date(p * 60 + c + 30))}</wp:comment_date_gmt><wp:comment_content>${cdata(`${words(commentId, 20 + (commentId % 60))}.`)}</wp:comment_content><wp:comment_approved>${cdata(approved)}</wp:comment_approved><wp:comment_type>${cdata('comment')}</wp:comment_type><wp:comment_parent>${parent >= first ? parent : 0}</wp:comment_parent></wp:comment>`,
      )
    }
    await write(`<item><title>${cdata(`Story ${id}: ${words(id, 6)}`)}</title><link>${site}/${date(p * 60).slice(0, 7).replace('-', '/')}/${slug}/</link><dc:creator>${cdata(`writer${p % IMPORT_SCALE.authors}`)}</dc:creator><content:encoded>${cdata(paragraphs.join('\n\n'))}</content:encoded><excerpt:encoded>${cdata(words(id * 13, 25))}</excerpt:encoded><wp:post_id>${id}</wp:post_id><wp:post_date>${cdata(date(p * 60))}</wp:post_date><wp:post_date_gmt>${cdata(date(p * 60))}</wp:post_date_gmt><wp:comment_status>open</wp:comment_status><wp:post_name>${cdata(slug)}</wp:post_name><wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type><category domain="category" nicename="${category}">${cdata(category)}</category>${tags}${image !== null ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${900_000 + image}</wp:meta_value></wp:postmeta>` : ''}${comments.join('')}</item>\n`)
  }
  await write('</channel>\n</rss>\n')
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
  return { file, uploads }
}

/** Runs the import command on a fresh SQLite database under `dir`, timed, with its peak memory from GNU time. */
export async function benchImport({ root, dir, scale = IMPORT_SCALE, log = console.log }: { root: string; dir: string; scale?: ImportScale; log?: (line: string) => void }): Promise<ImportFigures> {
  const IMPORT_SCALE = scale
  log(`   writing the export (${IMPORT_SCALE.posts.toLocaleString('en')} posts, ${IMPORT_SCALE.comments.toLocaleString('en')} comments, ${IMPORT_SCALE.images} images)`)
  const { file, uploads } = await writeBenchExport(dir, scale)
  const dataDir = path.join(dir, 'data')
  fs.mkdirSync(dataDir, { recursive: true })
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, 'import.db')}`, BYLINE_SKIP_DEMO: 'true', NODE_ENV: 'production' }
  execFileSync('npx', ['tsx', 'src/db/prepare.ts'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })
  const timeFile = path.join(dir, 'time.txt')
  const started = Date.now()
  // On both cores, as the seeding is: the bench process itself is pinned to core 1.
  const child = spawn('taskset', ['-c', '0,1', '/usr/bin/time', '-f', '%M', '-o', timeFile, 'npm', 'run', '-s', 'import:wordpress', '--', file, '--media-from', uploads, '--json'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.startsWith('import: ')) log(`   ${line}`)
  })
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const seconds = (Date.now() - started) / 1000
  const report = JSON.parse(stdout || '{}') as { created?: { articles?: number; comments?: number }; failed?: unknown[] }
  if (!report.created) throw new Error(`the import printed no report (exit ${code})`)
  const peakKb = Number(fs.readFileSync(timeFile, 'utf8').trim().split('\n').at(-1))
  return {
    seconds,
    postsPerSecond: (report.created.articles ?? 0) / seconds,
    commentsPerSecond: (report.created.comments ?? 0) / seconds,
    peakRssMb: peakKb / 1024,
    fileMb: fs.statSync(file).size / 1024 / 1024,
    failed: report.failed?.length ?? 0,
    report,
  }
}
