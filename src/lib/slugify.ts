// Letters that Unicode decomposition leaves without an ASCII base; the rest (é, ñ, ü…) lose
// their accents through NFKD below.
const transliterations: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
}

/** Lower-case, ASCII, hyphen-separated: the form every public URL segment takes. */
export function slugify(input: string): string {
  return input
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => transliterations[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/, '')
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
