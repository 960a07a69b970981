import { startContent } from '@/lib/content/main';

/**
 * The content script. An unlisted script rather than WXT's content-script entry: WXT's
 * wrapper announces every start to the page (a `postMessage` and a DOM event that pages can
 * listen for, so they could detect Gloss) and adds ~6 KB to every page. wxt.config.ts lists
 * this file and `page-highlights.css` in the manifest's `content_scripts`.
 */
export default defineUnlistedScript(() => startContent());
