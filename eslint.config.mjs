// @ts-check
import eslint from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const testFiles = ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**'];

export default defineConfig(
  globalIgnores([
    'dist/',
    'dist-*/',
    'node_modules/',
    '.local/',
    'bench/',
    'coverage/',
    'test-results/',
    'apps/web/src/api/openapi.d.ts',
  ]),
  eslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // ARCHITECTURE.md rule 1: another module only through its front door, `@app/<x>`.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@app/*/*'], message: 'Import another module through its front door: @app/<x>.' },
            {
              // ../../<x>/src/… or ../../../libs/<x>/src/… — a relative path into another module.
              regex: '^(\\.\\./)+(libs/)?[^./][^/]*/src(/|$)',
              message: 'Import another module through its front door: @app/<x>.',
            },
          ],
        },
      ],
    },
  },
  {
    // A front door names what the module offers (its module, facade and contracts), not everything it holds.
    files: ['libs/*/src/index.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportAllDeclaration', message: 'Name what the front door exports instead of `export *`.' },
      ],
    },
  },
  {
    // supertest bodies and jest matchers are `any`.
    files: testFiles,
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // Root config files (jest.config.js, .dependency-cruiser.cjs) are CommonJS run by Node.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
  },
);
