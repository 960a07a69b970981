/**
 * Which code Gloss's longest main-thread tasks run, for one page load: traces the load with
 * V8's sampling profiler on, picks the tasks whose samples show the content script, and lists
 * for the longest of them the functions on the stack (sample counts, callers included).
 * A diagnostic, not a benchmark: build with `GLOSS_NO_MINIFY=1` so the names are readable.
 *
 *   GLOSS_NO_MINIFY=1 GLOSS_OUT_DIR=/tmp/g npx wxt build
 *   GLOSS_EXTENSION_DIR=/tmp/g/chrome-mv3 npx tsx bench/longest-tasks.ts [long|seed] [loads]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { GENERATED_DIR, launchGloss } from '../e2e/harness';
import { longPageHtml } from './long-page';

interface Ev {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}
interface ProfileNode {
  id: number;
  parent?: number;
  callFrame?: { functionName?: string; url?: string; lineNumber?: number };
}

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);
const SHOWN = 4;

async function traceLoad(cdp: CDPSession, load: () => Promise<void>): Promise<Ev[]> {
  const events: Ev[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as Ev[])));
  const categories = 'toplevel,devtools.timeline,disabled-by-default-v8.cpu_profiler';
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await load();
  const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/** Prints the longest Gloss tasks of the renderer thread that parsed `url`. */
function report(events: Ev[], url: string): void {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error('no ParseHTML event for the page');
  const mine = (e: Ev) => e.pid === parse.pid && e.tid === parse.tid;
  const tasks: Ev[] = [];
  let end = -Infinity;
  for (const e of events.filter((x) => mine(x) && x.ph === 'X').sort((a, b) => a.ts - b.ts)) {
    if (!TASKS.has(e.name) || e.ts < end) continue;
    tasks.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; id: number }[] = [];
  for (const p of events.filter((e) => e.name === 'Profile' && mine(e))) {
    let t: number = p.args?.data?.startTime ?? 0;
    const chunks = events.filter((c) => c.name === 'ProfileChunk' && c.id === p.id).sort((a, b) => a.ts - b.ts);
    for (const c of chunks) {
      const data = c.args?.data;
      for (const n of (data?.cpuProfile?.nodes ?? []) as ProfileNode[]) nodes.set(n.id, n);
      const deltas: number[] = data?.timeDeltas ?? [];
      ((data?.cpuProfile?.samples ?? []) as number[]).forEach((id, i) => {
        t += deltas[i] ?? 0;
        samples.push({ ts: t, id });
      });
    }
  }
  const stack = (id: number) => {
    const out: ProfileNode[] = [];
    for (let n = nodes.get(id); n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) out.push(n);
    return out;
  };
  const ours = (id: number) => stack(id).some((n) => (n.callFrame?.url ?? '').startsWith('chrome-extension://'));
  const inside = (t: Ev) => samples.filter((s) => s.ts >= t.ts && s.ts <= t.ts + (t.dur ?? 0));
  const gloss = tasks.filter((t) => inside(t).some((s) => ours(s.id)));
  const cpu = (t: Ev) => (t.tdur ?? t.dur ?? 0) / 1000;
  console.log(`${gloss.length} Gloss tasks, ${gloss.reduce((s, t) => s + cpu(t), 0).toFixed(1)} ms CPU`);
  for (const t of gloss.sort((a, b) => cpu(b) - cpu(a)).slice(0, SHOWN)) {
    const counts = new Map<string, number>();
    for (const s of inside(t)) {
      const seen = new Set<string>();
      for (const n of stack(s.id)) {
        const name = n.callFrame?.functionName || '(anonymous)';
        if (name === '(root)' || name === '(program)' || seen.has(name)) continue;
        seen.add(name);
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
    const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 12);
    console.log(`  ${((t.dur ?? 0) / 1000).toFixed(1)} ms wall, ${cpu(t).toFixed(1)} ms CPU, ${inside(t).length} samples`);
    console.log(`    ${top.map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
}

async function main(): Promise<void> {
  const which = process.argv[2] === 'seed' ? 'seed' : 'long';
  const loads = Number(process.argv[3]) || 1;
  mkdirSync(GENERATED_DIR, { recursive: true });
  writeFileSync(join(GENERATED_DIR, 'long.html'), longPageHtml());
  const gloss = await launchGloss();
  try {
    for (let i = 0; i < loads; i++) {
      const page = await gloss.context.newPage();
      const cdp = await page.context().newCDPSession(page);
      const url = which === 'long' ? gloss.genUrl('long.html') : gloss.fixtureUrl('joongang-putin-iran.html');
      const events = await traceLoad(cdp, async () => {
        await page.goto(url, { waitUntil: 'load' });
        // A bare poll, not waitForFunction (it adds a script and a poll every frame).
        const expression = `document.querySelector('[data-gloss-scanned="1"]') !== null`;
        for (let n = 0; n < 240; n++) {
          const { result } = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })) as { result: { value?: unknown } };
          if (result.value === true) break;
          await page.waitForTimeout(250);
        }
        await page.waitForTimeout(1500);
      });
      report(events, url);
      await page.close();
    }
  } finally {
    await gloss.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
