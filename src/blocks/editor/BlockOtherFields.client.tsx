'use client'
/** The block's remaining fields (relationships), rendered by Payload as in its default block view. */
import { useBlockComponentContext } from '@payloadcms/richtext-lexical/client'
import { RenderFields } from '@payloadcms/ui'

export function BlockOtherFields({ names }: { names: string[] }) {
  const { formSchema } = useBlockComponentContext()
  const fields = formSchema.filter((field) => 'name' in field && names.includes(field.name))
  return <RenderFields fields={fields} forceRender parentIndexPath="" parentPath="" parentSchemaPath="" permissions readOnly={false} />
}
