'use client'

import type { MouseEvent } from 'react'

import { useState } from 'react'

type VideoFacadeProps = { title: string; watchUrl: string; embedUrl: string; providerName: string }

/**
 * Click-to-load video. Until the reader presses play nothing is fetched from the provider (no
 * iframe, no poster image); without JavaScript the button is simply a link to the video.
 */
export function VideoFacade({ title, watchUrl, embedUrl, providerName }: VideoFacadeProps) {
  const [playing, setPlaying] = useState(false)

  if (playing) {
    return (
      <div className="video-frame">
        <iframe
          src={embedUrl}
          title={title}
          allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
    )
  }

  const play = (event: MouseEvent<HTMLAnchorElement>) => {
    // Modified clicks (new tab, new window) keep the link's normal behaviour.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) return
    event.preventDefault()
    setPlaying(true)
  }

  return (
    <a className="video-facade" href={watchUrl} onClick={play}>
      <span className="video-facade__button" aria-hidden="true">
        ▶
      </span>
      <span className="video-facade__label">
        Play video: {title}
        <span className="video-facade__note">Loads the {providerName} player</span>
      </span>
    </a>
  )
}
