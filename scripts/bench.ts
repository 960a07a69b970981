/**
 * `npm run bench`: every benchmark, each side by side with its baseline in the same run.
 * Prints the figures and ratios and writes them to bench/results.json.
 *   npm run bench            # matcher + page (needs a build: npm run build)
 *   npm run bench -- matcher # only the matcher (bundled as shipped; add `--tsx` to also run it
 *                            # module by module under tsx, as `npx tsx bench/matcher.ts` does)
 *   npm run bench -- page    # only the page benchmarks in Chromium
 *   npm run bench -- seed    # first-run seeding in Chromium (add `--old <dir>` to compare a build)
 *   npm run bench -- worker  # the service worker's heap: seeded, with pages open, after they close
 * Entries of benchmarks not run this time are kept from the previous results.json.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness';

const args = process.argv.slice(2);
const oldAt = args.indexOf('--old');
const oldDir = oldAt >= 0 ? args[oldAt + 1] : undefined;
const which = args.filter((a, i) => !a.startsWith('--') && (oldAt < 0 || i !== oldAt + 1));
const want = (n: string) => which.length === 0 || which.includes(n);
const OUT = join(ROOT, 'bench', 'results.json');

function previous(): Record<string, unknown> {
  try {
    return existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = {
    ...previous(),
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    date: new Date().toISOString(),
  };
  if (want('matcher')) {
    // The service worker runs the engine as one bundle: measure that (see bench/bundled.ts).
    const { importBundled } = await import('../bench/bundled');
    const bundled = await importBundled<typeof import('../bench/matcher')>('bench/matcher.ts');
    results.matcher = { build: 'esbuild bundle, as shipped', ...(await bundled.runMatcherBench()) };
    if (args.includes('--tsx')) {
      const { runMatcherBench } = await import('../bench/matcher');
      results.matcherTsx = { build: 'tsx, module by module', ...(await runMatcherBench()) };
    }
  }
  if (want('page')) {
    const { runPageBench } = await import('../bench/page');
    // GLOSS_BENCH_RUNS: runs per variant (default 3); more give steadier medians on a busy machine.
    results.page = await runPageBench(Number(process.env.GLOSS_BENCH_RUNS) || 3);
  }
  if (want('seed')) {
    const { runSeedBench } = await import('../bench/seed');
    results.seed = await runSeedBench({ oldDir });
  }
  if (want('worker')) {
    const { runWorkerHeapBench } = await import('../bench/worker-heap');
    results.worker = await runWorkerHeapBench();
  }
  console.log(JSON.stringify(results, null, 2));
  writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote ${OUT}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
