import { describe, expect, it } from 'vitest'

import { isAllowedLinkUrl, linkScheme, unsafeLinkUrls } from '@/fields/safeLinks'

const link = (url: string, type = 'link') => ({ type, fields: { linkType: 'custom', url }, children: [{ type: 'text', text: 'here' }] })
const body = (...children: unknown[]) => ({ root: { type: 'root', children: [{ type: 'paragraph', children }] } })

describe('Rich-text links', () => {
  describe('isAllowedLinkUrl', () => {
    it.each(['https://example.org/a?b#c', 'http://example.org', 'mailto:desk@example.org', 'tel:+441234567', '/cast/joe-locke', '#trailer', 'other-page', '?page=2', '//cdn.example.org/x'])(
      'accepts %s',
      (url) => expect(isAllowedLinkUrl(url)).toBe(true),
    )

    it.each([
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      '\u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
    ])('refuses %j', (url) => expect(isAllowedLinkUrl(url)).toBe(false))
  })

  it('reads the scheme as a browser would, lower-cased', () => {
    expect(linkScheme('  JAVA\tSCRIPT:x')).toBe('javascript')
    expect(linkScheme('/path:with-colon')).toBeNull()
  })

  it('finds unsafe links and autolinks anywhere in the tree, nested editors included', () => {
    const nested = { type: 'block', fields: { blockType: 'note', text: body(link('data:text/html,x')) } }
    const value = body(link('https://ok.example'), link('javascript:alert(1)'), link('vbscript:x', 'autolink'), nested)
    expect(unsafeLinkUrls(value)).toEqual(['javascript:alert(1)', 'vbscript:x', 'data:text/html,x'])
  })

  it('ignores internal links, which carry a document instead of a URL', () => {
    const internal = { type: 'link', fields: { linkType: 'internal', url: 'javascript:ignored', doc: { relationTo: 'articles', value: '1' } } }
    expect(unsafeLinkUrls(body(internal))).toEqual([])
  })
})
