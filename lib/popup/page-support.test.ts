import { pageSupport } from './page-support';

describe('pageSupport', () => {
  it('accepts ordinary http(s) pages, lower-casing the hostname', () => {
    expect(pageSupport('https://www.BBC.co.uk/news/world-123')).toEqual({ supported: true, hostname: 'www.bbc.co.uk' });
    expect(pageSupport('http://localhost:8080/story')).toEqual({ supported: true, hostname: 'localhost' });
  });

  const cases: [string | undefined, RegExp][] = [
    ['chrome://extensions/', /browser’s own pages/],
    ['edge://settings', /browser’s own pages/],
    ['about:blank', /browser’s own pages/],
    ['about:addons', /browser’s own pages/],
    ['chrome-extension://abc/options.html', /extension/],
    ['moz-extension://abc/popup.html', /extension/],
    ['view-source:https://example.com/', /source code/],
    ['https://chromewebstore.google.com/detail/x', /add-on stores/],
    ['https://chrome.google.com/webstore/category/extensions', /add-on stores/],
    ['https://addons.mozilla.org/en-US/firefox/', /add-on stores/],
    ['https://example.com/report.PDF', /PDF/],
    ['file:///home/me/story.html', /not files on this computer/],
    ['data:text/html,hi', /not data: addresses/],
    [undefined, /does not let extensions see/],
    ['not a url', /no web address/],
  ];
  it.each(cases)('refuses %s with a reason', (url, reason) => {
    const s = pageSupport(url);
    expect(s.supported).toBe(false);
    if (!s.supported) expect(s.reason).toMatch(reason);
  });

  it('only blocks the Chrome Web Store path on chrome.google.com', () => {
    expect(pageSupport('https://chrome.google.com/other').supported).toBe(true);
  });
});
