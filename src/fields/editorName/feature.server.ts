import { createServerFeature } from '@payloadcms/richtext-lexical'

/**
 * Gives the article body's editable area an accessible name (#11 item 5): Payload's Lexical
 * editor renders its contentEditable with a role of textbox and no name, and offers no option for
 * one, so a feature's plugin sets it (the official way to add behaviour to the editor).
 */
export const EditorNameFeature = createServerFeature<{ name: string }, { name: string }, { name: string }>({
  feature: ({ props }) => ({
    ClientFeature: '@/fields/editorName/feature.client#EditorNameClientFeature',
    clientFeatureProps: { name: props.name },
  }),
  key: 'bylineEditorName',
})
