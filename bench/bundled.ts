/**
 * Runs a benchmark module the way Gloss ships code: bundled into one module (esbuild, as the
 * extension's own build bundles the service worker), not module by module as `tsx` runs it.
 * Under tsx every cross-module call in a hot loop goes through a live-binding getter, which
 * made the matcher's scan measure up to 2-3x slower than the bundled code.
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** Bundles `entry` (a path relative to the repository) and imports the bundle. */
export async function importBundled<T>(entry: string): Promise<T> {
  const root = resolve(import.meta.dirname, '..');
  const file = join(root, entry);
  const outDir = join(root, 'node_modules', '.cache', 'gloss-bench');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, basename(file).replace(/\.ts$/, '.bundle.mjs'));
  await build({
    entryPoints: [file],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    // The module finds the repository from its own folder: keep the source's.
    define: { 'import.meta.dirname': JSON.stringify(dirname(file)) },
  });
  return (await import(pathToFileURL(outfile).href)) as T;
}
