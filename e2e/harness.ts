/**
 * End-to-end harness: serves test pages on 127.0.0.1 and launches Debian's Chromium with the
 * built extension loaded, as a reader's browser would have it.
 *
 * - `/fixtures/<name>` serves ../shared/fixtures/pages/<name> (the seed articles; never copied
 *   into the project).
 * - `/pages/<name>` serves e2e/pages/<name> (our own test pages); a name containing `csp` is
 *   sent with `Content-Security-Policy: style-src 'self'`.
 * - `/demo/<name>` serves demo/<name> (the demo article).
 * - `/gen/<name>` serves pages generated at run time into .output/generated/.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const SHARED = resolve(ROOT, '..', 'shared');
/** The built extension; GLOSS_EXTENSION_DIR points tests at a private copy of a build. */
export const EXTENSION_DIR = process.env.GLOSS_EXTENSION_DIR ?? join(ROOT, '.output', 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUTPUT_DIR = join(ROOT, 'e2e-output');

const ROUTES: Record<string, string> = {
  fixtures: join(SHARED, 'fixtures', 'pages'),
  pages: join(ROOT, 'e2e', 'pages'),
  demo: join(ROOT, 'demo'),
  gen: join(ROOT, '.output', 'generated'),
};

/** Where generated pages (benchmarks, soak tests) are written; served under `/gen/`. */
export const GENERATED_DIR = ROUTES.gen as string;

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

/** Starts the static server on a free loopback port. */
export async function startServer(): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const [, route, ...rest] = url.pathname.split('/');
    const dir = route ? ROUTES[route] : undefined;
    const name = normalize(decodeURIComponent(rest.join('/')));
    if (!dir || name.startsWith('..') || name.includes('\0')) {
      res.writeHead(404).end('not found');
      return;
    }
    const file = join(dir, name);
    if (!existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    const headers: Record<string, string> = {
      'content-type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    };
    if (route === 'pages' && name.includes('csp')) headers['content-security-policy'] = "style-src 'self'";
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('server did not bind');
  return { server, baseUrl: `http://127.0.0.1:${addr.port}` };
}

export interface Gloss {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  baseUrl: string;
  fixtureUrl(name: string): string;
  pageUrl(name: string): string;
  demoUrl(name: string): string;
  genUrl(name: string): string;
  popupUrl: string;
  optionsUrl: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Launch without the extension (the baseline a page is compared with). */
  withoutExtension?: boolean;
  /** Show a window (the demo uses this when a display exists). */
  headed?: boolean;
  /** Keep this profile directory (e.g. to restart the browser on the same profile). */
  userDataDir?: string;
  viewport?: { width: number; height: number };
  /** Emulate a touch screen (`page.touchscreen`, `locator.tap()`; touch pointer events). */
  hasTouch?: boolean;
}

/** Chromium flags for tests and benchmarks: quiet, offline, no sandbox in containers. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Launches Chromium with the built extension and a server for the test pages. */
export async function launchGloss(opts: LaunchOptions = {}): Promise<Gloss> {
  if (!opts.withoutExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No build in ${EXTENSION_DIR}: run "npm run build" first`);
  }
  const { server, baseUrl } = await startServer();
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'gloss-e2e-'));
  const args = [...CHROMIUM_ARGS];
  if (!opts.withoutExtension) {
    args.push(`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`);
  }
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: !opts.headed,
    args,
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    hasTouch: opts.hasTouch ?? false,
  });
  // Scripts run through tsx (demo, bench) get esbuild's `__name` helper compiled into the
  // functions they pass to page.evaluate; give pages a no-op one so those functions run.
  await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
  let worker: Worker | undefined;
  let extensionId = '';
  if (!opts.withoutExtension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    worker: worker as Worker,
    extensionId,
    baseUrl,
    fixtureUrl: (name) => `${baseUrl}/fixtures/${name}`,
    pageUrl: (name) => `${baseUrl}/pages/${name}`,
    demoUrl: (name) => `${baseUrl}/demo/${name}`,
    genUrl: (name) => `${baseUrl}/gen/${name}`,
    popupUrl: `chrome-extension://${extensionId}/popup.html`,
    optionsUrl: `chrome-extension://${extensionId}/options.html`,
    async close() {
      await context.close().catch(() => undefined);
      await new Promise<void>((ok) => server.close(() => ok()));
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Reads the gold recognitions for the seed pages. */
export function readGold(): GoldFile {
  return JSON.parse(readFileSync(join(SHARED, 'fixtures', 'gold', 'seed-pages.json'), 'utf8')) as GoldFile;
}

export interface GoldEntity {
  names: string[];
  category: string;
  surfaces: string[];
}
export interface GoldPage {
  page: string;
  scope: string;
  entities: GoldEntity[];
  stretch: GoldEntity[];
  negatives: string[];
}
export interface GoldFile {
  pages: GoldPage[];
}
