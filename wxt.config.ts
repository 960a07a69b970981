import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

/** The pages Gloss reads: where the content script runs and the card renderer may be injected. */
const PAGE_MATCHES = ['http://*/*', 'https://*/*'];

// See README "Permissions" for why each permission is needed.
export default defineConfig({
  srcDir: '.',
  // A private output folder (GLOSS_OUT_DIR) lets parallel builds and test runs stay apart.
  outDir: process.env.GLOSS_OUT_DIR ?? '.output',
  modules: [],
  hooks: {
    // The content script is an unlisted script (entrypoints/page-script.ts, see why there):
    // list it, with its highlight styles, in the manifest ourselves.
    'build:manifestGenerated': (wxt, manifest) => {
      manifest.content_scripts = [...(manifest.content_scripts ?? []), pageContentScript(wxt.config.browser)];
    },
  },
  vite: () => ({
    plugins: [preact()],
    // GLOSS_NO_MINIFY=1 keeps function names readable in CPU profiles (see BENCHMARKS.md).
    ...(process.env.GLOSS_NO_MINIFY ? { build: { minify: false } } : {}),
  }),
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description:
      'Context for the news: recognizes people, places, organizations, weapons and events and shows cards from an offline knowledge base.',
    // `scripting` + the http(s) hosts the content script already runs on: the background
    // injects the card renderer into a page on its first card (lib/content/card-view.ts).
    permissions: ['storage', 'activeTab', 'scripting'],
    host_permissions: PAGE_MATCHES,
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

/** Every http(s) page and frame, once the document is parsed (see README "Permissions"). */
function pageContentScript(browser: string) {
  return {
    matches: PAGE_MATCHES,
    run_at: 'document_idle' as const,
    // Same-origin and cross-origin frames get their own copy; lib/content/main.ts skips small
    // ones. srcdoc and about:blank frames (an article written into a frame by its page)
    // inherit the page's origin: run there too (main.ts checks that origin is http(s)).
    all_frames: true,
    match_about_blank: true,
    ...(browser === 'firefox' ? {} : { match_origin_as_fallback: true }),
    // In place before the page's first style pass (see lib/content/highlights.ts).
    css: ['assets/page-highlights.css'],
    js: ['page-script.js'],
  };
}
