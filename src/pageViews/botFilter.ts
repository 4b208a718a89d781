/**
 * User agents that are not a person reading: search and SEO crawlers, link-preview fetchers of
 * chat apps and social networks, uptime and performance monitors, headless and automated
 * browsers, and HTTP libraries. Obvious ones only; a bot that poses as a browser gets counted.
 * "bot" must not follow "cu": Cubot is a phone maker whose models name themselves in the UA.
 */
const AUTOMATED_AGENTS = new RegExp(
  [
    '(?<!cu)bot',
    'crawl',
    'spider',
    'slurp',
    'scrap',
    'archiver',
    'fetcher',
    'preview',
    'facebookexternalhit',
    'embedly',
    'whatsapp',
    'google-',
    'googleother',
    'mediapartners',
    'lighthouse',
    'pagespeed',
    'gtmetrix',
    'pingdom',
    'uptime',
    'monitor',
    'headless',
    'phantomjs',
    'puppeteer',
    'playwright',
    'selenium',
    'webdriver',
    'curl/',
    'wget/',
    'httpie',
    'python',
    'go-http-client',
    'java/',
    'okhttp',
    'axios',
    'node-fetch',
    'undici',
    'libwww',
    'postman',
  ].join('|'),
  'i',
)

/** Headers that announce a speculative load: the page was fetched ahead of time, not read. */
const SPECULATIVE = [
  ['sec-purpose', /prefetch|prerender/i],
  ['purpose', /prefetch|preview/i],
  ['x-purpose', /prefetch|preview/i],
  ['x-moz', /prefetch/i],
] as const

/**
 * Why this request should not count as a reader's page view, or null when it should.
 * The beacon is same-origin (navigator.sendBeacon from our own page), so a browser that says the
 * request came from another site is some other page inflating numbers.
 */
export function botReason(headers: Headers): string | null {
  const agent = headers.get('user-agent')?.trim() ?? ''
  if (agent === '') return 'no user agent'
  if (AUTOMATED_AGENTS.test(agent)) return 'automated user agent'
  for (const [name, pattern] of SPECULATIVE) {
    if (pattern.test(headers.get(name) ?? '')) return `speculative load (${name})`
  }
  const site = headers.get('sec-fetch-site')
  if (site !== null && site !== 'same-origin') return `sent from ${site === 'none' ? 'no page' : `a ${site} page`}`
  return null
}
