// `npm run lint` (and a step of `npm test`): typescript-eslint's recommended rules, plus
// no-floating-promises, since a dropped promise loses a journal write's error without a trace.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-test/**'] },
  {
    files: ['{src,webview,test,tools,bench}/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      parserOptions: {
        // Host and harness files first; the pages, browser tests, tools/browser and the benchmarks
        // (DOM and Node types) second. A file in both (src/core) is linted with the first.
        project: ['./tsconfig.eslint.json', './webview/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname
      }
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // `import x = require('x')` is typed, and makes esbuild take a package's CommonJS build (pdfkit, fontkit).
      '@typescript-eslint/no-require-imports': ['error', { allowAsImport: true }],
      // `const { id: _id, ...rest } = row` is how a row is copied without some fields.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }]
    }
  }
);
