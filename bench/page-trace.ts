/**
 * Main-thread cost of one page load from a Chromium trace. The earlier figures came from CDP
 * `TaskDuration` deltas and the `longtask` observer, and both misled: the "before" sample
 * was taken in the about:blank renderer, not the one the page navigates into, and `longtask`
 * entries leave out tasks that run only content-script code (the matcher compile never
 * showed up). Here every top-level task of the page's renderer main thread is counted, and
 * a task is Gloss's when it runs script from the extension.
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

export interface TraceSummary {
  /** Sum of top-level task durations on the page's main thread (ms). */
  taskMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** Total blocking time: the part of each task beyond 50 ms, summed. */
  tbtMs: number;
  /** Tasks that ran Gloss's content script. */
  glossTaskMs: number;
  glossLongestMs: number;
  /**
   * Time inside the content script's own code (its script events, not the rest of a task
   * it ran in): a Gloss callback that runs inside the page's own layout task makes that whole
   * task "Gloss's" above, but only this part is Gloss's doing.
   */
  glossScriptMs: number;
  /** The most of Gloss's own script time in any one task. */
  glossLongestScriptMs: number;
  glossTbtMs: number;
}

// Only light categories: disabled-by-default-devtools.timeline instruments every paint and
// style invalidation, which inflated all figures (Gloss's most) several times over.
const CATEGORIES = 'toplevel,devtools.timeline,blink.user_timing';

/** Starts a trace; the returned function stops it and hands back the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

const isTask = (e: TraceEvent) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');

/** Summarizes the main thread of the renderer that parsed `url`. */
export function summarizeTrace(events: TraceEvent[], url: string): TraceSummary {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  const empty = { taskMs: NaN, longTasks: 0, longestTaskMs: NaN, tbtMs: NaN, glossTaskMs: NaN, glossLongestMs: NaN, glossScriptMs: NaN, glossLongestScriptMs: NaN, glossTbtMs: NaN };
  if (!parse) return empty;
  const thread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid).sort((a, b) => a.ts - b.ts);
  const tasks: TraceEvent[] = [];
  let end = -Infinity;
  for (const e of thread) {
    if (!isTask(e) || e.ts < end) continue; // nested tasks count once, in their parent
    tasks.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const extension = (e: TraceEvent) => (e.args?.data?.url ?? '').startsWith('chrome-extension://');
  // One pass: events are sorted, tasks do not overlap.
  const gloss = new Set<TraceEvent>();
  // Gloss's own script time per task; nested extension events count once, in the outermost.
  const own = new Map<TraceEvent, number>();
  let t = 0;
  let ownEnd = -Infinity;
  for (const e of thread) {
    while (t < tasks.length && (tasks[t] as TraceEvent).ts + ((tasks[t] as TraceEvent).dur ?? 0) < e.ts) t++;
    const task = tasks[t];
    if (!task || e.ts < task.ts || !extension(e)) continue;
    gloss.add(task);
    if (e.ph === 'X' && e.ts >= ownEnd) {
      own.set(task, (own.get(task) ?? 0) + ms(e));
      ownEnd = e.ts + (e.dur ?? 0);
    }
  }
  const durations = tasks.map(ms);
  const glossTasks = [...gloss];
  const tbt = (ds: number[]) => ds.reduce((s, d) => s + Math.max(0, d - 50), 0);
  return {
    taskMs: durations.reduce((s, d) => s + d, 0),
    longTasks: durations.filter((d) => d > 50).length,
    longestTaskMs: Math.max(0, ...durations),
    tbtMs: tbt(durations),
    glossTaskMs: glossTasks.reduce((s, e) => s + ms(e), 0),
    glossLongestMs: Math.max(0, ...glossTasks.map(ms)),
    glossScriptMs: [...own.values()].reduce((s, d) => s + d, 0),
    glossLongestScriptMs: Math.max(0, ...own.values()),
    glossTbtMs: tbt(glossTasks.map(ms)),
  };
}
