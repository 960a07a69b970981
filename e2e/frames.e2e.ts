/**
 * A page with a story frame: Gloss reads both (the frame gets its own cards), but only the
 * top frame answers the popup and the forwarded keyboard commands, so the popup lists the
 * top page's names, not whichever frame happened to answer first.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchGloss, type Gloss } from './harness';
import { cardNamesInFrames, hoverTextDeep, openPopupFor, visibleCardNames, waitForGloss, waitForScan } from './reader';

let gloss: Gloss;
let page: Page;

/** The popup's "On this page" chips as "name ×count". */
async function popupChips(popup: Page): Promise<string[]> {
  const section = popup.getByRole('region', { name: 'On this page' });
  await section.getByRole('button').first().waitFor({ timeout: 5000 });
  const out: string[] = [];
  for (const b of await section.getByRole('button').all()) {
    const m = /^(.+), (\d+) mentions?$/.exec((await b.getAttribute('aria-label')) ?? '');
    if (m) out.push(`${m[1]} ×${m[2]}`);
  }
  return out.sort();
}

/**
 * Sends a tab request the old way, without naming a frame, so every frame of the tab gets it
 * and the first answer wins (from an extension page: the popup opened for the tab).
 */
async function askEveryFrame(type: string, payload: object): Promise<unknown> {
  const popup = await openPopupFor(gloss, page);
  const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
  try {
    return await popup.evaluate(
      ({ tabId, type, payload }) => {
        // e2e/globals.d.ts declares only the part of `chrome` the other tests use.
        const tabs = chrome.tabs as unknown as { sendMessage(id: number, msg: object): Promise<unknown> };
        return tabs.sendMessage(tabId, { gloss: 1, type, payload });
      },
      { tabId, type, payload },
    );
  } finally {
    await popup.close();
    await page.bringToFront();
  }
}

describe('frames and the popup', () => {
  beforeAll(async () => {
    gloss = await launchGloss();
    page = await gloss.context.newPage();
    await page.goto(gloss.pageUrl('frames-popup.html'));
    await waitForGloss(page);
    const frame = page.frames().find((f) => f.url().endsWith('frame-inner.html'));
    if (!frame) throw new Error('no story frame');
    expect((await waitForScan(frame, 10_000)).mentions).toBeGreaterThanOrEqual(2);
  }, 60_000);

  afterAll(async () => {
    await gloss?.close();
  });

  it('still gives the names in the frame their cards', async () => {
    const frame = page.frames().find((f) => f.url().endsWith('frame-inner.html'));
    expect(await hoverTextDeep(page, 'Emmanuel Macron', { frame })).toBe('Emmanuel Macron');
  });

  it("lists the top page's names in the popup, not the frame's", async () => {
    const popup = await openPopupFor(gloss, page);
    expect(await popupChips(popup)).toEqual(['Vladimir Putin ×2', 'Volodymyr Zelensky ×1']);
    await popup.close();
  });

  it('answers a request sent to every frame from the top frame only', async () => {
    for (let i = 0; i < 3; i++) {
      const reply = (await askEveryFrame('pageSummary', {})) as { ok: boolean; value: { entities: { name: string }[] } };
      expect(reply.ok).toBe(true);
      expect(reply.value.entities.map((e) => e.name).sort()).toEqual(['Vladimir Putin', 'Volodymyr Zelensky']);
    }
  });

  it("reveals a name from the popup in the top page, and the forwarded command moves there", async () => {
    // The frame's card from the first test closes once the pointer leaves it.
    await page.mouse.move(2, 2, { steps: 2 });
    await expect.poll(() => cardNamesInFrames(page), { timeout: 3000 }).toEqual([]);
    const popup = await openPopupFor(gloss, page);
    await popup.getByRole('region', { name: 'On this page' }).getByRole('button', { name: /^Volodymyr Zelensky,/ }).click();
    await page.bringToFront();
    await expect.poll(() => visibleCardNames(page), { timeout: 3000 }).toEqual(['Volodymyr Zelensky']);
    await popup.close().catch(() => undefined);
    await page.keyboard.press('Escape');
    // The next-mention command, as the background forwards it: the top frame moves.
    const reply = (await askEveryFrame('navigate', { direction: 'next' })) as { ok: boolean; value: { ok: boolean } };
    expect(reply.value.ok).toBe(true);
    const names = await cardNamesInFrames(page);
    expect(names).toHaveLength(1);
    expect(['Vladimir Putin', 'Volodymyr Zelensky']).toContain(names[0]);
    expect(await visibleCardNames(page)).toEqual(names);
  });
});
