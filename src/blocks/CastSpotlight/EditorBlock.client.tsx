'use client'
/** The cast spotlight in the article editor: the chosen cast members' names and photos, above its fields (#11). */
import { useConfig, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

import { relationIds } from '@/lib/relationId'

import { BlockFrame } from '../editor/BlockFrame.client'
import { BlockOtherFields } from '../editor/BlockOtherFields.client'
import { BlockTextField } from '../editor/BlockTextField.client'

type Member = { id: string | number; name: string; character?: string | null; photo?: { sizes?: { thumbnail?: { url?: string | null } }; url?: string | null } | null }

export function CastSpotlightEditorBlock() {
  const heading = useFormFields(([fields]) => fields.heading?.value as string | undefined)
  const cast = useFormFields(([fields]) => fields.castMembers?.value)
  const ids = relationIds(cast)
  const key = ids.join(',')
  const { config } = useConfig()
  const [members, setMembers] = useState<Member[]>([])

  useEffect(() => {
    if (!key) return setMembers([])
    const controller = new AbortController()
    const query = new URLSearchParams({ 'where[id][in]': key, depth: '1', limit: '20' })
    // The staff member's own session reads the cast, as the relationship field itself does.
    fetch(`${config.serverURL}${config.routes.api}/cast?${query}`, { credentials: 'include', signal: controller.signal })
      .then((response) => (response.ok ? response.json() : { docs: [] }))
      .then(({ docs }: { docs: Member[] }) => setMembers(key.split(',').map((id) => docs.find((doc) => String(doc.id) === id)).filter((doc): doc is Member => Boolean(doc))))
      .catch(() => undefined) // aborted, or offline: the preview keeps what it showed
    return () => controller.abort()
  }, [key, config.serverURL, config.routes.api])

  return (
    <BlockFrame
      label="Cast spotlight"
      preview={
        <div className="byline-block-preview byline-block-preview--cast">
          {heading?.trim() ? <p className="byline-block-preview__title">{heading}</p> : null}
          {members.length ? (
            <ul>
              {members.map((member) => {
                const photo = member.photo?.sizes?.thumbnail?.url ?? member.photo?.url
                return (
                  <li key={member.id}>
                    {photo ? <img src={photo} alt="" width={48} height={48} /> : <span className="byline-block-preview__initial" aria-hidden="true">{member.name.slice(0, 1)}</span>}
                    <span>
                      {member.name}
                      {member.character ? <small> as {member.character}</small> : null}
                    </span>
                  </li>
                )
              })}
            </ul>
          ) : (
            <p className="byline-block-preview__empty">Choose the cast members to show.</p>
          )}
        </div>
      }
    >
      <BlockTextField path="heading" label="Heading" />
      <BlockOtherFields names={['castMembers']} />
    </BlockFrame>
  )
}
