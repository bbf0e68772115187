import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { readdirSync } from 'node:fs';

/** The server's modules (apps/server/src/modules/<name>): each is reached from outside only through its index.ts. */
const SERVER_MODULES = readdirSync(new URL('./apps/server/src/modules', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The web's features (apps/web/src/features/<name>): each is reached from outside only through its index.ts. */
const WEB_FEATURES = readdirSync(new URL('./apps/web/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** From the app shell a feature is `…/features/<name>/`; from inside a feature also `../<name>/`. */
function webFeaturePatterns(insideFeatures) {
  const names = WEB_FEATURES.join('|');
  const message = 'Một tính năng của giao diện chỉ dùng tính năng khác qua index.ts của nó.';
  const patterns = [{ regex: `^(\\.\\./)+features/(${names})/(?!index\\.ts$)`, message }];
  if (insideFeatures) patterns.push({ regex: `^(\\.\\./)+(${names})/(?!index\\.ts$)`, message });
  return patterns;
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'data/**',
      'bench/results/**',
      'packages/db/migrations/**',
      'e2e/artifacts/**',
      'apps/web/src/lib/api/schema.d.ts',
      '**/*.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        fetch: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        performance: 'readonly',
        AbortSignal: 'readonly',
        TextDecoder: 'readonly',
        Blob: 'readonly',
        window: 'readonly',
        document: 'readonly',
        localStorage: 'readonly',
        navigator: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // No import circle between source files (value imports; the rule does not follow `import type`).
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['packages/*/tsconfig.json', 'apps/*/tsconfig.json', 'e2e/tsconfig.json', 'bench/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // SQL only in repositories: outside *.repository.ts (and tests), a module imports drizzle-orm and
    // @atmis/db for their types only — no table, no sql``, no queryRows — so it cannot build or run a
    // statement. And a module reaches another only through that module's index.ts.
    files: ['apps/server/src/modules/**/*.ts'],
    ignores: ['**/*.repository.ts', '**/*.test.ts', '**/*-test-kit.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'drizzle-orm', allowTypeImports: true, message: 'SQL chỉ nằm trong *.repository.ts: ở đây chỉ được `import type`.' },
            { name: '@atmis/db', allowTypeImports: true, message: 'SQL chỉ nằm trong *.repository.ts: ở đây chỉ được `import type`.' },
          ],
          patterns: [
            {
              group: ['drizzle-orm/*', '@atmis/db/*'],
              allowTypeImports: true,
              message: 'SQL chỉ nằm trong *.repository.ts: ở đây chỉ được `import type`.',
            },
            {
              regex: `^(\\.\\./)+(${SERVER_MODULES.join('|')})/(?!index\\.ts$)`,
              message: 'Một phân hệ chỉ dùng phân hệ khác qua index.ts của nó.',
            },
          ],
        },
      ],
    },
  },
  {
    // Outside the modules (app.ts, the CLI, the platform), a module is reached only through its index.ts too.
    files: ['apps/server/src/**/*.ts'],
    ignores: ['apps/server/src/modules/**', '**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: `(^|/)modules/(${SERVER_MODULES.join('|')})/(?!index\\.ts$)`,
              message: 'Ngoài các phân hệ, một phân hệ chỉ được dùng qua index.ts của nó.',
            },
          ],
        },
      ],
    },
  },
  {
    // The web's features likewise: the app shell, and every feature, use a feature only through its
    // index.ts. The router's lazy page imports (import()) are not import declarations and stay split.
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: webFeaturePatterns(false) }],
    },
  },
  {
    files: ['apps/web/src/features/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: webFeaturePatterns(true) }],
    },
  },
);
