import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, launchGloss, type Gloss } from './harness';
import { dialogNames, hoverAndRead, waitForScan } from './reading-helpers';

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

  it('announces nothing to the page and exposes no file to it; the card renderer arrives on first use', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.web_accessible_resources).toBeUndefined();
    const page = await gloss.context.newPage();
    await page.goto(gloss.pageUrl('listener.html'));
    await waitForScan(page);
    // The renderer is the extension's own file: a page cannot load it.
    const probe = await page.evaluate(async (id) => {
      try {
        await fetch(`chrome-extension://${id}/card-view.js`);
        return 'loaded';
      } catch {
        return 'refused';
      }
    }, gloss.extensionId);
    expect(probe).toBe('refused');
    const box = await page.locator('#prose').boundingBox();
    if (!box) throw new Error('no #prose');
    // "Sergei Shoigu" opens the paragraph: the first pointer move loads the renderer, the dwell shows the card.
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    const names = await hoverAndRead(page, box.x + 20, box.y + box.height / 2, ['Sergei Shoigu'], 3000);
    expect(names).toContain('Sergei Shoigu');
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([]);
    expect(await dialogNames(page)).toEqual(['Sergei Shoigu']);
    await page.close();
  });
});
