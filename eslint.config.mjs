// ESLint flat config: type-aware typescript-eslint rules plus the house's import boundaries
// (docs/contributing.md): the renderer only draws and asks, the core never imports Electron, main
// never reaches into the renderer, and renderer features meet only through their index.ts.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import onramp from './scripts/eslint-rules.mjs';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'url', 'util', 'stream', 'zlib', 'worker_threads'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'build/**', '.tmp/**', 'test-results/**', 'coverage/**', 'tests/bench/page/dist/**', 'scripts/**/*.d.mts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    // Comments cite docs/ or public sources, never notes outside the repository or a machine path.
    files: ['**/*.{ts,tsx,mts,js,mjs,cjs}'],
    plugins: { onramp },
    rules: { 'onramp/no-outside-notes': 'error' },
  },
  {
    // No `any` where the contract and the core are defined.
    files: ['shared/contract/**/*.ts', 'main/core/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer only draws and asks: go through window.api.' }],
          patterns: [
            { group: NODE_BUILTINS, message: 'The renderer has no Node: go through window.api.' },
            { group: ['**/main/**', '../main', '../../main', '../../../main'], message: 'The renderer may not import main/: share types through shared/.' },
          ],
        },
      ],
    },
  },
  {
    // A feature reaches another only through that feature's index.ts; components/ import no feature.
    files: ['renderer/src/**/*.{ts,tsx}'],
    rules: { 'onramp/feature-doors': 'error' },
  },
  {
    // The core is plain Node: the app, the CLI and the tests wire the same modules.
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'main/core never imports Electron: take what it needs as an argument.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports renderer/.' }],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'preload/**/*.ts', 'shared/**/*.ts'],
    ignores: ['main/core/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/renderer/**'], message: 'main/, preload/ and shared/ never import renderer/.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ is imported by the renderer: no Electron.' }],
          patterns: [
            { group: NODE_BUILTINS, message: 'shared/ is imported by the renderer: no Node built-ins.' },
            { group: ['**/renderer/**', '**/main/**'], message: 'shared/ depends on nothing but itself and plain libraries.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
