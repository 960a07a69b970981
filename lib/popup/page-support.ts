/**
 * Which tabs Gloss can read, decided from the URL alone, with a reason a reader understands.
 * The content script runs on http(s) pages only, and browsers keep extensions off their own
 * pages and their add-on stores.
 */

export type PageSupport = { supported: true; hostname: string } | { supported: false; reason: string };

const STORES: { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

const BROWSER_SCHEMES = ['chrome:', 'edge:', 'brave:', 'opera:', 'vivaldi:', 'about:', 'chrome-search:', 'devtools:'];
const EXTENSION_SCHEMES = ['chrome-extension:', 'moz-extension:', 'extension:', 'safari-web-extension:'];

/** Whether Gloss can run on a tab with this URL (undefined when the browser withheld it). */
export function pageSupport(url: string | undefined): PageSupport {
  if (!url) return { supported: false, reason: 'The browser does not let extensions see this tab.' };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { supported: false, reason: 'This tab has no web address Gloss understands.' };
  }
  const scheme = u.protocol;
  if (scheme === 'view-source:') return { supported: false, reason: 'This is a page’s source code, not the page itself.' };
  if (BROWSER_SCHEMES.includes(scheme)) {
    return { supported: false, reason: 'This is one of the browser’s own pages; extensions cannot read those.' };
  }
  if (EXTENSION_SCHEMES.includes(scheme)) return { supported: false, reason: 'This page belongs to an extension.' };
  if (scheme === 'file:') {
    return { supported: false, reason: 'Gloss reads web pages (http and https), not files on this computer.' };
  }
  if (scheme !== 'http:' && scheme !== 'https:') {
    return { supported: false, reason: `Gloss reads web pages (http and https), not ${scheme} addresses.` };
  }
  const host = u.hostname.toLowerCase();
  if (STORES.some((s) => s.host === host && (!s.path || u.pathname.startsWith(s.path)))) {
    return { supported: false, reason: 'Browsers keep extensions off their add-on stores.' };
  }
  if (/\.pdf$/i.test(u.pathname)) {
    return { supported: false, reason: 'This is a PDF; the browser’s PDF viewer does not let extensions read it.' };
  }
  return { supported: true, hostname: host };
}

/** The reason shown when a supported page's content script did not answer. */
export const NO_ANSWER_REASON =
  'Gloss has not started on this tab yet — this happens with tabs opened before Gloss was installed or updated. Reload the page and try again.';

/**
 * The reason shown when the browser withheld the tab's address and no content script answered:
 * it may be a page no extension can read, or a web page opened before Gloss was installed.
 */
export const NO_URL_NO_ANSWER_REASON =
  'Gloss cannot see this tab’s address and nothing of Gloss is running in it. Browser pages, extension pages and add-on stores are off limits to extensions; if this is a web page opened before Gloss was installed or updated, reload it and try again.';
