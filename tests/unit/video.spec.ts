import { describe, expect, it } from 'vitest'

import { parseVideoUrl } from '@/lib/video'

const YT = 'dQw4w9WgXcQ'

describe('parseVideoUrl', () => {
  describe('YouTube', () => {
    it.each([
      ['a watch page', `https://www.youtube.com/watch?v=${YT}`],
      ['a watch page with a start time and a playlist', `https://www.youtube.com/watch?v=${YT}&t=42s&list=PL123`],
      ['the mobile site', `https://m.youtube.com/watch?v=${YT}`],
      ['the bare domain over http', `http://youtube.com/watch?v=${YT}`],
      ['a short link', `https://youtu.be/${YT}`],
      ['a short link with a start time', `https://youtu.be/${YT}?t=30`],
      ['a Short', `https://www.youtube.com/shorts/${YT}`],
      ['a live stream', `https://www.youtube.com/live/${YT}?feature=share`],
      ['an embed address', `https://www.youtube.com/embed/${YT}`],
      ['a privacy-enhanced embed address', `https://www.youtube-nocookie.com/embed/${YT}`],
      ['an address pasted with spaces around it', `  https://www.youtube.com/watch?v=${YT}\n`],
      ['an upper-case host', `https://WWW.YOUTUBE.COM/watch?v=${YT}`],
    ])('recognises %s', (_, url) => {
      expect(parseVideoUrl(url)).toEqual({ provider: 'youtube', id: YT })
    })

    it('keeps the case of the video id, which YouTube distinguishes', () => {
      expect(parseVideoUrl('https://youtu.be/AbC_-12xYz9')).toEqual({ provider: 'youtube', id: 'AbC_-12xYz9' })
    })

    it.each([
      ['a watch page without a video', 'https://www.youtube.com/watch'],
      ['an id that is too short', 'https://www.youtube.com/watch?v=dQw4w9WgXc'],
      ['an id that is too long', 'https://youtu.be/dQw4w9WgXcQQ'],
      ['an id with characters YouTube never uses', 'https://youtu.be/dQw4w9WgX.Q'],
      ['a channel page', 'https://www.youtube.com/@netflix'],
      ['a playlist', 'https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG'],
      ['the home page', 'https://www.youtube.com/'],
      ['a look-alike host', `https://youtube.com.evil.example/watch?v=${YT}`],
      ['a host that merely ends in youtube.com', `https://notyoutube.com/watch?v=${YT}`],
      ['a non-web scheme', `ftp://www.youtube.com/watch?v=${YT}`],
    ])('refuses %s', (_, url) => {
      expect(parseVideoUrl(url)).toBeNull()
    })
  })

  describe('Vimeo', () => {
    it.each([
      ['a video page', 'https://vimeo.com/123456789'],
      ['the www host', 'https://www.vimeo.com/123456789'],
      ['an unlisted video with its hash', 'https://vimeo.com/123456789/abcdef1234'],
      ['a video inside a channel', 'https://vimeo.com/channels/staffpicks/123456789'],
      ['the player address', 'https://player.vimeo.com/video/123456789?h=abc'],
    ])('recognises %s', (_, url) => {
      expect(parseVideoUrl(url)).toEqual({ provider: 'vimeo', id: '123456789' })
    })

    it.each([
      ['a profile page', 'https://vimeo.com/netflix'],
      ['an id that is too short', 'https://vimeo.com/12345'],
      ['an id that is too long', 'https://vimeo.com/1234567890123'],
      ['a player address that is not a video', 'https://player.vimeo.com/123456789'],
      ['a look-alike host', 'https://vimeo.com.evil.example/123456789'],
    ])('refuses %s', (_, url) => {
      expect(parseVideoUrl(url)).toBeNull()
    })
  })

  describe('anything else', () => {
    it.each([
      ['another video site', 'https://www.dailymotion.com/video/x8abcd1'],
      ['a plain web page', 'https://example.com/trailer'],
      ['a script URL', `javascript:alert('https://youtu.be/${YT}')`],
      ['a data URL', 'data:text/html,<iframe src="https://youtu.be/dQw4w9WgXcQ">'],
      ['a bare id', YT],
      ['a host without a scheme', `youtu.be/${YT}`],
      ['words', 'the trailer from last week'],
      ['an empty string', ''],
      ['whitespace', '   '],
    ])('refuses %s', (_, url) => {
      expect(parseVideoUrl(url)).toBeNull()
    })
  })
})
