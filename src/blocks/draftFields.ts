/**
 * A block's fields as a draft may hold them. Drafts skip validation, so preview and live preview
 * render blocks the writer has only just inserted: any field missing or null, relations unpopulated.
 */
export type DraftFields<Block> = { [Field in keyof Block]?: Block[Field] | null }

/** A text field's value when it has one worth showing. */
export const filled = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null)
