import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

import { BASE_SECURITY_HEADERS, READER_PAGE_CSP } from '@/productionServer/securityHeaders'

import nextConfig from '../../next.config'

/**
 * The app sets the security headers itself (next.config.ts for every response, the server for
 * reader pages' CSP); nginx from deploy/ adds the same to what it serves from disk. This holds the
 * two copies together: the browser-level checks are in tests/e2e/deploy.e2e.spec.ts.
 */
const template = fs.readFileSync(path.resolve(import.meta.dirname, '../../deploy/nginx.conf.template'), 'utf8')

/** Each `location … { … }` of the template by its name, with the add_header lines in it. */
function locations(): Map<string, Map<string, string>> {
  const found = new Map<string, Map<string, string>>()
  for (const match of template.matchAll(/^\s*location\s+([^{]+?)\s*\{([\s\S]*?)^\s*\}/gm)) {
    const headers = new Map<string, string>()
    for (const [, name = '', quoted, bare] of (match[2] ?? '').matchAll(/^\s*add_header\s+(\S+)\s+(?:"([^"]*)"|(\S+?))\s+always;/gm)) {
      headers.set(name.toLowerCase(), quoted ?? bare ?? '')
    }
    found.set(match[1] ?? '', headers)
  }
  return found
}

describe('Security headers', () => {
  it('are sent by the app on every path, with X-Powered-By turned off', async () => {
    const rules = (await nextConfig.headers?.()) ?? []
    // Payload's withPayload turns Next's own header off and adds `X-Powered-By: Next.js, Payload` itself unless told not to.
    expect(nextConfig.poweredByHeader).toBe(false)
    expect(rules.flatMap((rule) => rule.headers).filter(({ key }) => key.toLowerCase() === 'x-powered-by')).toEqual([])
    const everywhere = rules.find((rule) => rule.source === '/:path*')
    expect(Object.fromEntries((everywhere?.headers ?? []).map(({ key, value }) => [key, value]))).toMatchObject(BASE_SECURITY_HEADERS)
  })

  it('are added by nginx, with the same values, to everything it answers itself', () => {
    const byLocation = locations()
    for (const name of ['^~ /_next/static/', '/', '@too_many_requests']) {
      const headers = byLocation.get(name)
      expect(headers, `location ${name}`).toBeDefined()
      for (const [header, value] of Object.entries(BASE_SECURITY_HEADERS)) expect(headers?.get(header.toLowerCase()), `${header} in location ${name}`).toBe(value)
    }
  })

  it('give pages nginx serves from the page store the same Content-Security-Policy as the app gives reader pages', () => {
    expect(locations().get('/')?.get('content-security-policy')).toBe(READER_PAGE_CSP)
  })

  it('refuse inline scripts on reader pages, and framing by other sites', () => {
    const directives = new Map(READER_PAGE_CSP.split(';').map((directive) => directive.trim().split(/\s+(.*)/s) as [string, string]))
    expect(directives.get('script-src')).toBe("'self'")
    expect(directives.get('frame-ancestors')).toBe("'self'")
    expect(directives.get('object-src')).toBe("'none'")
  })
})
