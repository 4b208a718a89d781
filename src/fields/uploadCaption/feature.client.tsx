'use client'
import type { PluginComponent } from '@payloadcms/richtext-lexical'

import { $isUploadNode, createClientFeature, UploadNode } from '@payloadcms/richtext-lexical/client'
import { $getNodeByKey } from '@payloadcms/richtext-lexical/lexical'
import { useLexicalComposerContext } from '@payloadcms/richtext-lexical/lexical/react/LexicalComposerContext'
import { useEffect } from 'react'

const CAPTION_CLASS = 'byline-upload-caption'
// Payload's hidden toggler for the upload's extra fields (the caption), and its other icon buttons.
const TOGGLER = '.LexicalEditorTheme__upload__upload-drawer-toggler'
const NAMES: Record<string, string> = {
  [TOGGLER]: 'Edit caption',
  '.LexicalEditorTheme__upload__swap-drawer-toggler': 'Replace image',
  '.LexicalEditorTheme__upload__removeButton': 'Remove image',
}

/** The caption line under one image: its text, or a prompt, and the button that edits it. */
function showCaption(element: HTMLElement, caption: string) {
  let line = element.querySelector<HTMLElement>(`:scope > .${CAPTION_CLASS}`)
  if (!line) {
    line = document.createElement('div')
    line.className = CAPTION_CLASS
    line.contentEditable = 'false'
    const text = document.createElement('span')
    const button = document.createElement('button')
    button.type = 'button'
    button.textContent = 'Edit caption'
    // Payload's drawer does the editing; its toggler is only hidden, never absent.
    button.addEventListener('click', () => element.querySelector<HTMLButtonElement>(TOGGLER)?.click())
    line.append(text, button)
    element.append(line)
  }
  const text = line.firstElementChild as HTMLElement
  text.textContent = caption ? `Caption: ${caption}` : 'No caption yet'
  text.classList.toggle(`${CAPTION_CLASS}--empty`, !caption)
}

const UploadCaptionPlugin: PluginComponent = () => {
  const [editor] = useLexicalComposerContext()

  useEffect(
    () =>
      editor.registerMutationListener(UploadNode, (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') continue
            const node = $getNodeByKey(key)
            const element = editor.getElementByKey(key)
            if (!$isUploadNode(node) || !element) continue
            const caption = node.getData().fields?.caption
            showCaption(element, typeof caption === 'string' ? caption.trim() : '')
          }
        })
      }),
    [editor],
  )

  // Payload renders the upload's icon buttons after the node mounts: name them as they appear.
  useEffect(() => {
    let observer: MutationObserver | null = null
    const unregister = editor.registerRootListener((root) => {
      observer?.disconnect()
      observer = null
      if (!root) return
      const name = () => {
        for (const [selector, label] of Object.entries(NAMES)) {
          root.querySelectorAll<HTMLElement>(`${selector}:not([aria-label])`).forEach((button) => button.setAttribute('aria-label', label))
        }
      }
      name()
      observer = new MutationObserver(name)
      observer.observe(root, { childList: true, subtree: true })
    })
    return () => {
      unregister()
      observer?.disconnect()
    }
  }, [editor])

  return null
}

export const UploadCaptionClientFeature = createClientFeature({
  plugins: [{ Component: UploadCaptionPlugin, position: 'normal' }],
})
