/** What the comment rules' unit specs share: a form secret, a fixed clock, and one reader's comment as sent and as cleaned. */

export const SECRET = 'a'.repeat(64)
export const NOW = new Date('2026-06-01T12:00:00Z')
export const seconds = (n: number) => new Date(NOW.getTime() - n * 1000)
export const days = (n: number) => seconds(n * 86_400)

export const input = { body: 'Lovely piece.', authorName: 'Ada', authorEmail: 'ada@example.net', authorUrl: '' }
export const clean = { body: 'Lovely piece.', authorName: 'Ada', authorEmail: 'ada@example.net', authorUrl: null }
