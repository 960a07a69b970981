import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  srcDir: '.',
  // A private output folder (GLOSS_OUT_DIR) lets parallel builds and test runs stay apart.
  outDir: process.env.GLOSS_OUT_DIR ?? '.output',
  modules: [],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description:
      'Context for the news: recognizes people, places, organizations, weapons and events and shows cards from an offline knowledge base.',
    permissions: ['storage', 'activeTab'],
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Move to the next recognized name on the page and open its card',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: 'Move to the previous recognized name on the page and open its card',
      },
    },
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'self'"
        : { extension_pages: "script-src 'self'; object-src 'self'" },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'gloss@gloss-reader.example',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
