// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.output/', '.wxt/', 'public/', 'e2e-output/', 'demo-output/', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        // WXT auto-imports and the browser/node environments.
        browser: 'readonly', chrome: 'readonly', defineBackground: 'readonly', defineContentScript: 'readonly',
        storage: 'readonly', createShadowRootUi: 'readonly', window: 'readonly', document: 'readonly',
        console: 'readonly', process: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-undef': 'off',
      // Knowledge-base and pack text is data: it must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never set innerHTML: render data as text.' },
        { property: 'outerHTML', message: 'Never set outerHTML: render data as text.' },
        { property: 'insertAdjacentHTML', message: 'Never insert HTML: render data as text.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No dangerouslySetInnerHTML.' },
        { selector: "CallExpression[callee.name='eval']", message: 'No eval.' },
      ],
    },
  },
  {
    // lib/recognize is pure: no DOM, no extension APIs, no storage. The knowledge base is a parameter.
    files: ['lib/recognize/**/*.ts'],
    ignores: ['lib/recognize/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['idb', 'wxt', 'wxt/*', '@wxt-dev/*', '@/*', '../*', 'webextension-polyfill', 'preact', 'preact/*'], message: 'lib/recognize must stay pure (no DOM, browser or idb).' }] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'browser', 'chrome', 'indexedDB', 'navigator', 'localStorage'],
    },
  },
  {
    // Tests and e2e may read outerHTML to compare pages.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
