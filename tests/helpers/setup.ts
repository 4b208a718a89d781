import { preloadLexical } from '@/lib/preloadLexical'

// Each test worker imports payload.config.ts natively: load Lexical first (see preloadLexical).
await preloadLexical()
