import js from '@eslint/js'
import tseslint from 'typescript-eslint'

/** `payload.db`, `req.payload.db` and `const { db } = payload`: the ways code reaches the database adapter. */
const belowPayload = (message) => [
  { selector: "MemberExpression[property.name='db'][object.name='payload']", message },
  { selector: "MemberExpression[property.name='db'][object.property.name='payload']", message },
  { selector: "VariableDeclarator[init.name='payload'] > ObjectPattern > Property[key.name='db']", message },
]

const ENV_MESSAGE = 'Read the environment through src/lib/env.ts.'

/** `import { env } from 'node:process'`: the other way to read the environment. */
const processEnv = ['process', 'node:process'].map((name) => ({ name, importNames: ['env'], message: ENV_MESSAGE }))

/** Pages and components do not import src/cache, by alias or by a relative path. */
const readersTagPages = {
  group: ['@/cache/*', '**/src/cache/*', '../**/cache/*', './cache/*'],
  message: 'The data readers in src/lib tag the page for what they return (src/cache/tagPage.ts); pages do not.',
}

export default tseslint.config(
  {
    // Generated or vendored: regenerate, never hand-edit (scripts/check-generated.sh).
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
      'src/payload-types.ts',
      'src/migrations/**',
      'app/(payload)/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', fetch: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Every environment read goes through src/lib/env.ts, which checks it and reports every
    // problem at once. instrumentation.ts keeps Next's NEXT_RUNTIME, which Next inlines at build.
    files: ['src/**', 'app/**', 'collections/**', 'globals/**', 'payload.config.ts', 'next.config.ts'],
    ignores: ['src/lib/env.ts'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: ENV_MESSAGE }],
      'no-restricted-imports': ['error', { paths: processEnv }],
    },
  },
  {
    // Payload's database adapter (payload.db) is reached only through src/db/belowPayload.ts,
    // whose header states the contract (the public's filters from src/access, named fields, no
    // read hooks) and its one exception: adapterOf hands the adapter to the adapter-specific
    // engines, the importer's bulk writes and search's full-text indexes. Migrations and the bench
    // are left out, as issue #10 allows.
    files: ['src/**', 'app/**', 'collections/**', 'globals/**', 'payload.config.ts', 'next.config.ts', 'instrumentation.ts', 'scripts/**'],
    ignores: ['src/db/belowPayload.ts'],
    rules: { 'no-restricted-syntax': ['error', ...belowPayload('Go below Payload only through src/db/belowPayload.ts.')] },
  },
  {
    // Tests go below Payload through tests/helpers/belowPayload.ts, whose header says when they may.
    files: ['tests/**'],
    ignores: ['tests/helpers/belowPayload.ts'],
    rules: { 'no-restricted-syntax': ['error', ...belowPayload('Tests go below Payload only through tests/helpers/belowPayload.ts.')] },
  },
  {
    // Tests read arbitrary JSON response bodies and assert on them.
    files: ['tests/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Reader components render data handed to them by src/lib; they never reach into Payload's
    // configuration, so the data flow stays collection config → src/lib → server components.
    files: ['src/components/**', 'app/(site)/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/collections/**', '@/../collections/**'], message: 'Components read data through src/lib, not collection configs.' },
            { group: ['@payload-config', '**/payload.config'], message: 'Components read data through src/lib, not the Payload config.' },
            readersTagPages,
          ],
          paths: [{ name: 'payload', importNames: ['getPayload'], message: 'Pages read data through src/lib helpers.' }, ...processEnv],
        },
      ],
    },
  },
  {
    // The signed revalidation endpoint expires tags for changes made outside a request: it is the
    // cache's own door, not a page. The other bans hold for it.
    files: ['app/(site)/revalidate/route.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['**/collections/**', '@/../collections/**', '@payload-config', '**/payload.config'], message: 'Components read data through src/lib.' }],
          paths: [{ name: 'payload', importNames: ['getPayload'], message: 'Pages read data through src/lib helpers.' }, ...processEnv],
        },
      ],
    },
  },
)
