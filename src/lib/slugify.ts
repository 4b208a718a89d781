// Letters that Unicode decomposition leaves without an ASCII base; the rest (é, ñ, ü…) lose
// their accents through NFKD below. Cyrillic and Greek are spelled in Latin letters, as
// newsrooms writing in those alphabets spell their addresses (Russian, Ukrainian, Serbian,
// Bulgarian; modern Greek). Other scripts have no one spelling; their text gives no slug.
const transliterations: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o',
  п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu',
  я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ђ: 'dj', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', џ: 'dz', ѓ: 'g', ќ: 'k', ѕ: 'dz',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p',
  ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
}
const TRANSLITERATED = new RegExp(`[${Object.keys(transliterations).join('')}]`, 'g')
const spellOut = (text: string) => text.replace(TRANSLITERATED, (letter) => transliterations[letter] ?? letter)

/** Lower-case, ASCII, hyphen-separated: the form every public URL segment takes. */
export function slugify(input: string): string {
  // Spelled out before and after decomposition: й and ё keep their own spelling, ά becomes α first.
  return spellOut(spellOut(input.toLowerCase()).normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 96)
    .replace(/-+$/, '')
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
