// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'http', 'https', 'net', 'os',
  'path', 'process', 'readline', 'stream', 'url', 'util', 'worker_threads', 'zlib',
];

// What src/core may not import (the core is a library with no editor and no file system in it).
const corePure = {
  paths: [
    { name: 'vscode', message: 'src/core must not depend on VS Code; put editor code in src/vscode.' },
    ...nodeBuiltins.map((name) => ({ name, message: 'src/core must stay pure: inject host capabilities instead.' })),
  ],
  patterns: [{ group: ['node:*'], message: 'src/core must stay pure: inject host capabilities instead.' }],
};

export default tseslint.config(
  { ignores: ['scratch/**', 'dist/**', 'out/**', 'node_modules/**', '.vscode-offline/**', '.vscode-test/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...tseslint.configs.stylistic,
  {
    files: ['**/*.ts'],
    rules: {
      curly: 'error',
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // The extension imports the VS Code API from src/vscode/api.ts only: each import of 'vscode' costs a
    // copy of the API's namespace when the bundle loads.
    files: ['src/vscode/**/*.ts'],
    ignores: ['src/vscode/api.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: "Import { vscode } from './api.js' (one copy of the API's namespace in the bundle)." }] }],
    },
  },
  {
    // The core is a library with no editor and no file system in it: the extension, the CLI and the
    // tests are its clients (DESIGN.md). Host capabilities are injected.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', corePure],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/core must stay pure.' },
        { name: 'require', message: 'src/core must stay pure.' },
        { name: 'Buffer', message: 'src/core must stay pure.' },
        { name: 'document', message: 'src/core has no DOM: it runs in Node and in web workers.' },
        { name: 'window', message: 'src/core has no DOM: it runs in Node and in web workers.' },
      ],
    },
  },
  {
    // Rules and the renderer read the log through the model and the LogView port (src/core/logView.ts),
    // never through the accelerator's typed arrays, edit plans or caches (src/core/incremental/). The
    // plain engine (check.ts), the step scheduler and every other layer of the core stand without the
    // accelerator too: only the service (and index.ts, the public surface) use it.
    files: [
      'src/core/rules/**/*.ts', 'src/core/render/**/*.ts', 'src/core/check.ts', 'src/core/scheduler/**/*.ts', 'src/core/logView.ts',
      'src/core/coaching/**/*.ts', 'src/core/caseload/**/*.ts', 'src/core/features/**/*.ts', 'src/core/read/**/*.ts',
      'src/core/markdown/**/*.ts', 'src/core/dosage/**/*.ts', 'src/core/guidelines/**/*.ts', 'src/core/diagnosis/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', {
        paths: corePure.paths,
        patterns: [
          ...corePure.patterns,
          { group: ['**/incremental/*', '**/incremental'], message: 'Only the service uses the accelerator: rules, render and the other layers of the core read the model and the LogView port (src/core/logView.ts), not src/core/incremental.' },
        ],
      }],
    },
  },
  {
    // Mocha's settings file (CommonJS).
    files: ['.mocharc.cjs'],
    languageOptions: {
      globals: { process: 'readonly', module: 'writable' },
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
  },
);
