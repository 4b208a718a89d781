import { describe, expect, it } from 'vitest'

import { formPageHtml } from '@/comments/formPage'
import { issueFormToken } from '@/comments/spam'

import { SECRET, seconds } from '../helpers/commentSamples'

describe('Refused comment form page', () => {
  const token = issueFormToken({ now: seconds(2), secret: SECRET })
  const sent = {
    body: `${'長い'.repeat(2000)} 😀 </textarea><script>alert(1)</script>`,
    authorName: '"><img src=x onerror=alert(1)>',
    authorEmail: 'ada@example.net',
    authorUrl: '',
    notifyOnReply: true,
    remember: false,
    article: 'a1',
    parent: 'c9',
    issued: token,
  }
  const html = formPageHtml({ status: 400, message: 'Please check <the> fields.', errors: { authorName: 'Please enter your name here' }, sent, articlePath: '/news/a-story' })

  it('gives back everything the reader typed, escaped, however long', () => {
    expect(html).toContain(`${'長い'.repeat(2000)} 😀 &lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;</textarea>`)
    expect(html).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
  })

  it('carries the original signed form time, the article, the reply and the ticked boxes', () => {
    expect(html).toContain(`name="issued" value="${token}"`)
    expect(html).toContain('name="article" value="a1"')
    expect(html).toContain('name="parent" value="c9"')
    expect(html).toContain('name="return" value="/news/a-story"')
    expect(html).toMatch(/name="notifyOnReply" type="checkbox" value="yes" checked/)
    expect(html).toMatch(/name="remember" type="checkbox" value="yes">/)
  })

  it('puts the message in an alert and each field’s message beside it, linked for screen readers', () => {
    expect(html).toContain('<p class="comment-form__message" role="alert">Please check &lt;the&gt; fields.</p>')
    expect(html).toContain('aria-invalid="true" aria-describedby="author-error"')
    expect(html).toContain('<span class="comment-form__error" id="author-error">Please enter your name here</span>')
    expect(html).toContain('<a href="/news/a-story?replytocom=c9#respond">Back to the article</a>')
  })
})
