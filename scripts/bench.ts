/**
 * `npm run bench`: every benchmark, each side by side with its baseline in the same run.
 * Prints the figures and ratios and writes them to bench/results.json.
 *   npm run bench            # matcher + page (needs a build: npm run build)
 *   npm run bench -- matcher # only the matcher
 *   npm run bench -- page    # only the page benchmarks in Chromium
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../e2e/harness';

const which = process.argv.slice(2);
const want = (n: string) => which.length === 0 || which.includes(n);

async function main(): Promise<void> {
  const results: Record<string, unknown> = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), node: process.version },
    date: new Date().toISOString(),
  };
  if (want('matcher')) {
    const { runMatcherBench } = await import('../bench/matcher');
    results.matcher = await runMatcherBench();
  }
  if (want('page')) {
    const { runPageBench } = await import('../bench/page');
    results.page = await runPageBench();
  }
  console.log(JSON.stringify(results, null, 2));
  const out = join(ROOT, 'bench', 'results.json');
  writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
  console.log(`wrote ${out}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
