import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrictNode = {
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'better-sqlite3'], message: 'shared/ and renderer/ never import Node modules.' },
    { group: ['**/electron/**', 'electron'], message: 'shared/ and renderer/ never import the engine or Electron.' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'renderer/dist/', '.tsbuild/', 'tmp/', 'release/', 'test-results/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', { ...restrictNode, patterns: [...restrictNode.patterns, { group: ['react', 'react-dom', 'antd', 'maplibre-gl', 'echarts', '**/renderer/**'], message: 'shared/ is pure: no UI.' }] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'no-restricted-imports': ['error', restrictNode] },
  },
  {
    files: ['electron/engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'The engine never imports electron: it runs under plain Node too.' }], patterns: [{ group: ['**/renderer/**', '**/electron/main/**', '**/electron/preload/**'], message: 'The engine imports only shared/.' }] }] },
  },
  {
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', 'electron/**/*.mjs', '*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
);
