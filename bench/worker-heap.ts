/**
 * The background's memory in real headless Chromium: the service worker's JS heap and array
 * buffers (after a forced GC) once the knowledge base is seeded, while pages are open (the matcher compiled,
 * one recognizer per page), and after those tabs close. Baseline, same run: a minimal MV3
 * extension whose service worker does nothing.
 *
 *   npm run bench -- worker        the build in GLOSS_EXTENSION_DIR (or .output)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, CDPSession, Worker } from 'playwright-core';
import { EXTENSION_DIR, GENERATED_DIR, startServer } from '../e2e/harness';
import { waitForScan } from '../e2e/reader';
import { longPageHtml } from './long-page';
import { launchWithExtension, pollWorker, waitForSeed } from './seed';

const MB = 2 ** 20;
const r2 = (x: number) => Math.round(x * 100) / 100;

/** Talks to the service worker through a page's CDP session (Playwright has none for workers). */
async function workerDevtools(context: BrowserContext): Promise<{ call(method: string): Promise<Record<string, number>>; detach(): Promise<void> }> {
  const page = await context.newPage();
  const session: CDPSession = await context.newCDPSession(page);
  const { targetInfos } = (await session.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker');
  if (!sw) throw new Error('no service worker target');
  const { sessionId } = (await session.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false })) as { sessionId: string };
  const pending = new Map<number, (result: Record<string, number>) => void>();
  session.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const msg = JSON.parse(e.message) as { id?: number; result?: Record<string, number> };
    if (msg.id !== undefined) pending.get(msg.id)?.(msg.result ?? {});
  });
  let next = 0;
  return {
    call: (method) =>
      new Promise((ok) => {
        const id = ++next;
        pending.set(id, ok);
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      }),
    detach: () => page.close(),
  };
}

/**
 * The worker's memory in MB after two forced GCs: the used JS heap plus array buffers'
 * backing stores (the compiled matcher is mostly typed arrays, which live outside the heap).
 */
async function heapAfterGc(dev: Awaited<ReturnType<typeof workerDevtools>>): Promise<number> {
  await dev.call('HeapProfiler.collectGarbage');
  await dev.call('HeapProfiler.collectGarbage');
  const use = await dev.call('Runtime.getHeapUsage');
  return r2(((use.usedSize ?? NaN) + (use.backingStorageSize ?? 0)) / MB);
}

/** A do-nothing MV3 extension: what any service worker costs. */
function baselineExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-empty-ext-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0', background: { service_worker: 'sw.js' } }));
  writeFileSync(join(dir, 'sw.js'), "self.addEventListener('install', () => {});\n");
  return dir;
}

export interface WorkerHeap {
  baselineMB: number;
  /** Seeded, and the matcher compiled (which an install does right after seeding). */
  seededMB: number;
  /** With the two seed articles and the long page open and recognized. */
  pagesOpenMB: number;
  pagesClosedMB: number;
}

/** Runs `fn` in Chromium on a fresh profile with the extension in `dir` loaded. */
async function onFreshProfile<T>(dir: string, fn: (context: BrowserContext, worker: Worker) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'gloss-heap-'));
  const { context, worker } = await launchWithExtension(dir, profile);
  try {
    return await fn(context, worker);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The do-nothing extension's worker, a second after start. */
function baselineHeap(dir: string): Promise<number> {
  return onFreshProfile(dir, async (context) => {
    await new Promise((ok) => setTimeout(ok, 1000));
    return heapAfterGc(await workerDevtools(context));
  });
}

/** Gloss's worker: seeded, then with `urls` open and recognized, then with them closed. */
function glossHeap(dir: string, urls: string[]): Promise<Omit<WorkerHeap, 'baselineMB'>> {
  return onFreshProfile(dir, async (context, worker) => {
    await waitForSeed(worker);
    // After an install the worker compiles the matcher right after seeding: count it in.
    const compiled = `performance.getEntriesByName('gloss:matcher-compile').length > 0`;
    await pollWorker<boolean>(worker, compiled, (v) => v, 'no gloss:matcher-compile measure in the service worker', 30_000);
    const dev = await workerDevtools(context);
    const seededMB = await heapAfterGc(dev);
    const pages = [];
    for (const url of urls) {
      const page = await context.newPage();
      await page.goto(url);
      const state = await waitForScan(page, 60_000);
      if (!state.scanned || state.mentions === 0) throw new Error(`${url} was not recognized: ${JSON.stringify(state.attrs)}`);
      pages.push(page);
    }
    const pagesOpenMB = await heapAfterGc(dev);
    for (const p of pages) await p.close();
    await new Promise((ok) => setTimeout(ok, 500));
    const pagesClosedMB = await heapAfterGc(dev);
    await dev.detach();
    return { seededMB, pagesOpenMB, pagesClosedMB };
  });
}

/** Median figures over `runs` fresh profiles per variant, alternating Gloss and baseline. */
export async function runWorkerHeapBench(runs = 3): Promise<Record<string, unknown>> {
  mkdirSync(GENERATED_DIR, { recursive: true });
  writeFileSync(join(GENERATED_DIR, 'long.html'), longPageHtml());
  const { server, baseUrl } = await startServer();
  const empty = baselineExtension();
  const urls = [`${baseUrl}/fixtures/joongang-putin-iran.html`, `${baseUrl}/fixtures/guardian-weekly-partners-in-crime.html`, `${baseUrl}/gen/long.html`];
  const got: WorkerHeap[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const baselineMB = await baselineHeap(empty);
      const g = await glossHeap(EXTENSION_DIR, urls);
      got.push({ baselineMB, ...g });
      console.error(`worker heap #${i + 1}: baseline ${baselineMB} MB, seeded ${g.seededMB}, pages open ${g.pagesOpenMB}, closed ${g.pagesClosedMB}`);
    }
  } finally {
    server.close();
    rmSync(empty, { recursive: true, force: true });
  }
  const med = (k: keyof WorkerHeap) => [...got.map((g) => g[k])].sort((a, b) => a - b)[Math.floor(got.length / 2)] ?? NaN;
  const base = med('baselineMB');
  const ratio = (x: number) => r2(x / base);
  return {
    build: EXTENSION_DIR,
    runs,
    baselineMB: base,
    seededMB: med('seededMB'),
    pagesOpenMB: med('pagesOpenMB'),
    pagesClosedMB: med('pagesClosedMB'),
    ratios: { seeded: ratio(med('seededMB')), pagesOpen: ratio(med('pagesOpenMB')), pagesClosed: ratio(med('pagesClosedMB')) },
    each: got,
  };
}
