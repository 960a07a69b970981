import { startContent } from '@/lib/content/main';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Same-origin and cross-origin frames get their own copy; main.ts skips small ones.
  allFrames: true,
  main(ctx) {
    startContent(ctx);
  },
});
