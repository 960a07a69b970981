/**
 * `npm start` (after the build): opens Chromium with Gloss on the demo article.
 * With a display it opens a window and waits until you close it. Without one ($DISPLAY
 * unset, or GLOSS_HEADLESS=1) it runs headless, hovers a few names and writes screenshots of
 * the page, a card and the popup to demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchGloss, ROOT } from '../e2e/harness';
import { hoverText, openPopupFor, waitForGloss } from '../e2e/reader';

const OUT = join(ROOT, 'demo-output');
const headed = Boolean(process.env.DISPLAY) && process.env.GLOSS_HEADLESS !== '1';

async function main(): Promise<void> {
  const gloss = await launchGloss({ headed, viewport: { width: 1280, height: 900 } });
  const page = await gloss.context.newPage();
  await page.goto(gloss.demoUrl('article.html'));
  if (headed) {
    console.log('Gloss is running on the demo article. Hover a highlighted name; close the window to quit.');
    await new Promise<void>((ok) => gloss.context.on('close', () => ok()));
    await gloss.close();
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const found = await waitForGloss(page);
  console.log(`Gloss recognized ${found} mentions on the demo article.`);
  await page.screenshot({ path: join(OUT, 'page.png') });
  console.log(`wrote ${join(OUT, 'page.png')}`);
  for (const name of ['Sergei Shoigu', 'Geran-2', '38 North', 'Kursk Oblast']) {
    const card = await hoverText(page, name);
    const file = join(OUT, `card-${name.toLowerCase().replace(/\W+/g, '-')}.png`);
    await shootCard(page, file);
    console.log(`${card ? `card "${card}"` : 'NO CARD'} for ${name}: wrote ${file}`);
  }
  const popup = await openPopupFor(gloss, page);
  await popup.screenshot({ path: join(OUT, 'popup.png') });
  console.log(`wrote ${join(OUT, 'popup.png')}`);
  await gloss.close();
}

async function shootCard(page: Page, file: string): Promise<void> {
  // The card lives in Gloss's shadow root; a viewport screenshot shows it with its context.
  // The card fades in over 120 ms: finish that animation so the picture shows the card as read.
  await page.screenshot({ path: file, animations: 'disabled' });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
