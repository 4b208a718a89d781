import { isHttpUrl } from './httpUrl'

type VideoRef = { provider: 'vimeo' | 'youtube'; id: string }

const YOUTUBE_HOSTS = new Set(['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtube-nocookie.com', 'www.youtube-nocookie.com'])
const VIMEO_HOSTS = new Set(['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'])

/** Recognises the YouTube and Vimeo URLs editors paste; anything else is refused. */
export function parseVideoUrl(input: string): VideoRef | null {
  const trimmed = input.trim()
  if (!isHttpUrl(trimmed)) return null // not a web address at all: the caller reports it
  const url = new URL(trimmed)

  const host = url.hostname.toLowerCase()
  const segments = url.pathname.split('/').filter(Boolean)
  if (host === 'youtu.be') return youtube(segments[0])
  if (YOUTUBE_HOSTS.has(host)) {
    if (segments[0] === 'watch') return youtube(url.searchParams.get('v') ?? undefined)
    if (segments[0] === 'embed' || segments[0] === 'shorts' || segments[0] === 'live') return youtube(segments[1])
    return null
  }
  if (VIMEO_HOSTS.has(host)) {
    const id = host === 'player.vimeo.com' ? (segments[0] === 'video' ? segments[1] : undefined) : segments.find((s) => /^\d+$/.test(s))
    return id && /^\d{6,12}$/.test(id) ? { provider: 'vimeo', id } : null
  }
  return null
}

function youtube(id: string | undefined): VideoRef | null {
  return id && /^[A-Za-z0-9_-]{11}$/.test(id) ? { provider: 'youtube', id } : null
}

/** The provider's own page for a video: where the facade links when JavaScript is off. */
export function watchUrl(video: VideoRef): string {
  return video.provider === 'youtube' ? `https://www.youtube.com/watch?v=${video.id}` : `https://vimeo.com/${video.id}`
}

/** The privacy-enhanced player, loaded only after the reader asks for it (autoplay: they just pressed play). */
export function embedUrl(video: VideoRef): string {
  return video.provider === 'youtube'
    ? `https://www.youtube-nocookie.com/embed/${video.id}?autoplay=1&rel=0`
    : `https://player.vimeo.com/video/${video.id}?autoplay=1&dnt=1`
}
