import { describe, expect, it } from 'vitest'

import { botReason } from '@/pageViews/botFilter'

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'
const CUBOT_PHONE = 'Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36'

const reason = (headers: Record<string, string>) => botReason(new Headers(headers))

describe('View beacon bot filter', () => {
  it.each([
    ['Firefox', FIREFOX],
    ['Chrome', CHROME],
    ['Safari on an iPhone', SAFARI_IPHONE],
    ['a Cubot phone (a maker whose name ends in "bot")', CUBOT_PHONE],
  ])('counts %s posting from our own page', (_, agent) => {
    expect(reason({ 'user-agent': agent, 'sec-fetch-site': 'same-origin' })).toBeNull()
  })

  it('counts a browser too old to send Sec-Fetch-Site', () => {
    expect(reason({ 'user-agent': FIREFOX })).toBeNull()
  })

  it.each([
    ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['Googlebot rendering as Chrome', 'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1) Chrome/131.0.0.0 Safari/537.36'],
    ['Bingbot', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)'],
    ['Baidu', 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)'],
    ['Yahoo', 'Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)'],
    ['Ahrefs', 'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)'],
    ['Common Crawl', 'CCBot/2.0 (https://commoncrawl.org/faq/)'],
    ['the Google inspection tool', 'Mozilla/5.0 (compatible; Google-InspectionTool/1.0)'],
    ['GoogleOther', 'Mozilla/5.0 (compatible; GoogleOther)'],
    ['Facebook link previews', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
    ['Twitter cards', 'Twitterbot/1.0'],
    ['Slack unfurling', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
    ['WhatsApp previews', 'WhatsApp/2.23.20.0'],
    ['Discord embeds', 'Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)'],
    ['Bing previews', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) BingPreview/1.0b'],
    ['Lighthouse', 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse'],
    ['headless Chrome', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36'],
    ['PhantomJS', 'Mozilla/5.0 (Unknown; Linux x86_64) AppleWebKit/538.1 (KHTML, like Gecko) PhantomJS/2.1.1 Safari/538.1'],
    ['an uptime monitor', 'Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)'],
    ['Pingdom', 'Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)'],
    ['curl', 'curl/8.5.0'],
    ['wget', 'Wget/1.21.4'],
    ['Python requests', 'python-requests/2.32.3'],
    ['Go', 'Go-http-client/1.1'],
    ['Java', 'Java/17.0.2'],
    ['OkHttp', 'okhttp/4.12.0'],
    ['axios', 'axios/1.7.7'],
    ['node-fetch', 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)'],
    ['Node’s own fetch', 'undici'],
    ['Postman', 'PostmanRuntime/7.42.0'],
  ])('ignores %s', (_, agent) => {
    expect(reason({ 'user-agent': agent, 'sec-fetch-site': 'same-origin' })).toBe('automated user agent')
  })

  it('ignores a request without a user agent, or with a blank one', () => {
    expect(reason({})).toBe('no user agent')
    expect(reason({ 'user-agent': '   ' })).toBe('no user agent')
  })

  it.each([
    ['sec-purpose', 'prefetch'],
    ['sec-purpose', 'prefetch;prerender'],
    ['purpose', 'prefetch'],
    ['x-purpose', 'preview'],
    ['x-moz', 'prefetch'],
  ])('ignores a speculative load announced by %s: %s', (header, value) => {
    expect(reason({ 'user-agent': CHROME, [header]: value })).toBe(`speculative load (${header})`)
  })

  it.each([
    ['cross-site', 'sent from a cross-site page'],
    ['same-site', 'sent from a same-site page'],
    ['none', 'sent from no page'],
  ])('ignores a browser request that did not come from our own page (Sec-Fetch-Site: %s)', (site, expected) => {
    expect(reason({ 'user-agent': CHROME, 'sec-fetch-site': site })).toBe(expected)
  })
})
