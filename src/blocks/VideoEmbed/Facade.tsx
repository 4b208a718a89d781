type VideoFacadeProps = { title: string; watchUrl: string; embedUrl: string; providerName: string }

/**
 * Click-to-load video: a link to the video that src/reader/enhance.ts turns into the provider's
 * player when pressed. Until then nothing is fetched from the provider (no iframe, no poster
 * image); without JavaScript the link simply opens the video.
 */
export function VideoFacade({ title, watchUrl, embedUrl, providerName }: VideoFacadeProps) {
  return (
    <a className="video-facade" href={watchUrl} data-video-embed={embedUrl} data-video-title={title}>
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
