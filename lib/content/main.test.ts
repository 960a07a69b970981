// @vitest-environment happy-dom
import { isTopFrame, pageHost } from './main';

describe('isTopFrame', () => {
  it('is true for the top window and false for a frame', () => {
    expect(isTopFrame(window)).toBe(true);
    const frame = { top: window } as unknown as Window;
    expect(isTopFrame(frame)).toBe(false);
  });

  it('treats a frame whose top cannot be read as not the top', () => {
    const frame = {
      get top(): Window {
        throw new DOMException('cross-origin', 'SecurityError');
      },
    } as unknown as Window;
    expect(isTopFrame(frame)).toBe(false);
  });
});

describe('pageHost', () => {
  it('uses the origin, so a srcdoc frame gets its page host', () => {
    const win = { origin: 'https://news.example', location: { hostname: '' } } as unknown as Window;
    expect(pageHost(win)).toBe('news.example');
  });
});
