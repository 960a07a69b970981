import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGloss, type Gloss } from './harness';

describe('the built extension in Chromium', () => {
  let gloss: Gloss;
  beforeAll(async () => {
    gloss = await launchGloss();
  });
  afterAll(async () => {
    await gloss?.close();
  });

  it('registers a background service worker that answers a ping', async () => {
    expect(gloss.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await gloss.context.newPage();
    await page.goto(gloss.popupUrl);
    const reply = await page.evaluate(() =>
      chrome.runtime.sendMessage({ gloss: 1, type: 'ping', payload: {} }),
    );
    expect(reply).toMatchObject({ ok: true, value: { ok: true, version: '0.1.0' } });
    await page.close();
  });

  it('ignores messages that are not Gloss envelopes', async () => {
    const page = await gloss.context.newPage();
    await page.goto(gloss.popupUrl);
    const reply = await page.evaluate(
      () =>
        new Promise((resolve) => {
          chrome.runtime.sendMessage({ type: 'ping' }, (r) => {
            void chrome.runtime.lastError;
            resolve(r ?? null);
          });
          setTimeout(() => resolve('timeout'), 1000);
        }),
    );
    expect(reply === null || reply === 'timeout').toBe(true);
    await page.close();
  });

  it('runs the content script on a page served from 127.0.0.1', async () => {
    const page = await gloss.context.newPage();
    await page.goto(gloss.fixtureUrl('joongang-putin-iran.html'));
    await expect.poll(() => page.evaluate(() => document.querySelector('[data-gloss-host], gloss-root') !== null || document.documentElement.dataset.glossReady === '1'), { timeout: 15_000 }).toBe(true);
    await page.close();
  });

  it('renders the popup and the options page', async () => {
    const page = await gloss.context.newPage();
    await page.goto(gloss.popupUrl);
    await expect.poll(() => page.getByRole('heading', { name: /Gloss/ }).count()).toBeGreaterThan(0);
    await page.goto(gloss.optionsUrl);
    await expect.poll(() => page.getByRole('heading', { name: /Gloss/ }).count()).toBeGreaterThan(0);
    await page.close();
  });
});
