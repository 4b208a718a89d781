/**
 * Node 20's ESM loader can stall for good when several of Lexical's `*.node.mjs` entry points
 * (each a top-level `await import(...)`) are evaluated in one module graph: `import()` of
 * `@payloadcms/richtext-lexical` then never settles, and a CLI whose event loop drains exits 0
 * having done nothing. Loading the Lexical packages one at a time, dependencies first, before
 * the Payload config avoids it. Next.js bundles these modules itself and does not need this.
 */
const lexicalPackages = [
  'lexical',
  '@lexical/selection',
  '@lexical/utils',
  '@lexical/html',
  '@lexical/clipboard',
  '@lexical/extension',
  '@lexical/dragon',
  '@lexical/rich-text',
  '@lexical/list',
  '@lexical/table',
  '@lexical/headless',
  '@lexical/react/LexicalDecoratorBlockNode',
]

export async function preloadLexical(): Promise<void> {
  for (const specifier of lexicalPackages) await import(specifier)
}
