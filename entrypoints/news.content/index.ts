import { startContent } from '@/lib/content/main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Same-origin and cross-origin frames get their own copy; main.ts skips small ones.
  allFrames: true,
  // srcdoc and about:blank frames (an article written into a frame by its page) inherit the
  // page's origin: run there too. main.ts checks that origin is http(s).
  matchAboutBlank: true,
  matchOriginAsFallback: { chrome: true, edge: true },
  main(ctx) {
    startContent(ctx);
  },
});
