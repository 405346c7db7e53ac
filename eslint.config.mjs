// ESLint flat config: Next.js rules (core web vitals + TypeScript), typescript-eslint's type-aware
// recommended rules, then eslint-config-prettier last so no stylistic rule disagrees with Prettier.
// `npm run lint` runs ESLint and `prettier --check`; `npm run format` fixes what both can.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypeScript from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import tseslint from 'typescript-eslint';

const typeScriptFiles = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

export default defineConfig([
  globalIgnores([
    '**/.next/**',
    '.next-*/**',
    'out/**',
    'build/**',
    'next-env.d.ts',
    'data/**',
    'bench/results/**',
    'drizzle/meta/**',
    'playwright-report/**',
    'test-results/**',
  ]),
  ...nextVitals,
  ...nextTypeScript,
  // Type-aware rules need type information, which only the TypeScript files have (tsconfig.json has
  // allowJs off); the few .js/.mjs files get the rules above without it.
  {
    files: typeScriptFiles,
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() and describe() return promises the runner itself awaits (~330 reports otherwise).
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'it', 'describe', 'suite', 'only', 'skip', 'todo'],
            },
          ],
        },
      ],
      // `const { page: _page, ...filters } = query` drops keys on purpose; `_name` marks an unused parameter.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          ignoreRestSiblings: true,
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Test helpers such as useTestDatabase() and useAppServer() are named use* but are not React hooks.
      'react-hooks/rules-of-hooks': 'off',
      // Tests read API responses as untyped JSON (Playwright's response.json() is `any`) and assert on them.
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  prettier,
]);
