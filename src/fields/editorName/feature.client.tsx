'use client'
import type { PluginComponent } from '@payloadcms/richtext-lexical'

import { createClientFeature } from '@payloadcms/richtext-lexical/client'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { useEffect } from 'react'

type Props = { name: string }

const NameEditablePlugin: PluginComponent<Props> = ({ clientProps }) => {
  const [editor] = useLexicalComposerContext()
  // The root element is replaced when the editor remounts; the listener names each one.
  useEffect(() => editor.registerRootListener((root) => root?.setAttribute('aria-label', clientProps.name)), [editor, clientProps.name])
  return null
}

export const EditorNameClientFeature = createClientFeature<Props>({
  plugins: [{ Component: NameEditablePlugin, position: 'normal' }],
})
