import { startContent } from '@/lib/content/main';
// Listed in the manifest, so it is in place before the page's first style pass.
import '@/lib/content/highlight-rules.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Same-origin and cross-origin frames get their own copy; main.ts skips small ones.
  allFrames: true,
  // srcdoc and about:blank frames (an article written into a frame by its page) inherit the
  // page's origin: run there too. main.ts checks that origin is http(s).
  matchAboutBlank: true,
  matchOriginAsFallback: { chrome: true, edge: true },
  cssInjectionMode: 'manifest',
  main(ctx) {
    startContent(ctx);
  },
});
