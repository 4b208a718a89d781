import type { CastRef } from '@/lib/articles/types'

import { MediaImage } from '../MediaImage'

/** Cast members as cards (photo, actor, character), each linking to the cast member's page. */
export function CastCards({ cast }: { cast: CastRef[] }) {
  return (
    <ul className="cast-cards">
      {cast.map((member) => (
        <li key={member.slug} className="cast-card">
          <a href={member.href}>
            {member.photo ? <MediaImage image={member.photo} sizes="10rem" className="cast-card__photo" decorative /> : null}
            <span className="cast-card__name">{member.name}</span>
            {member.character ? <span className="cast-card__character">as {member.character}</span> : null}
          </a>
        </li>
      ))}
    </ul>
  )
}
