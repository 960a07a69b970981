/**
 * Main-thread cost of one page load from a Chromium trace. The earlier figures came from CDP
 * `TaskDuration` deltas and the `longtask` observer, and both misled: the "before" sample
 * was taken in the about:blank renderer, not the one the page navigates into, and `longtask`
 * entries leave out tasks that run only content-script code (the matcher compile never
 * showed up). Here every top-level task of the page's renderer main thread is counted (with
 * the microtask checkpoint Blink runs after it), and a task is Gloss's when it runs script
 * from the extension: seen by the script's URL on trace events, or with
 * `GLOSS_TRACE_SAMPLES=1` by CPU samples (the only way to see a promise continuation's).
 */
import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of an X event, µs: unlike `dur`, not inflated when the core is shared. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: { url?: string }; beginData?: { url?: string } };
}

export interface TraceSummary {
  /** Sum of top-level task durations on the page's main thread (ms). */
  taskMs: number;
  /** The same tasks' thread CPU time (ms): steadier than `taskMs` on a loaded machine. */
  taskCpuMs: number;
  longTasks: number;
  longestTaskMs: number;
  /** Total blocking time: the part of each task beyond 50 ms, summed. */
  tbtMs: number;
  /** Tasks that ran Gloss's content script. */
  glossTaskMs: number;
  /** The same tasks' thread CPU time (ms): the steadiest figure of Gloss's own cost. */
  glossTaskCpuMs: number;
  glossLongestMs: number;
  /**
   * Time inside the content script's own code (its script events, or with samples the time
   * with its code on the stack, native calls it makes included), not the rest of a task it
   * ran in: a Gloss callback that runs inside the page's own layout task makes that whole
   * task "Gloss's" above, but only this part is Gloss's doing.
   */
  glossScriptMs: number;
  /** The most of Gloss's own script time in any one task. */
  glossLongestScriptMs: number;
  glossTbtMs: number;
  /** Paints of the page (outermost `Paint` events) and their thread CPU time (ms). */
  paints: number;
  paintCpuMs: number;
}

// Only light categories: disabled-by-default-devtools.timeline instruments every paint and
// style invalidation, which inflated all figures (Gloss's most) several times over.
const CATEGORIES = 'toplevel,devtools.timeline,blink.user_timing';
/**
 * With `GLOSS_TRACE_SAMPLES=1`, V8's sampling profiler joins the trace (every 100 µs) and a task
 * is Gloss's when a sample in it has the content script on its stack. Slower (it inflates
 * script time), but it sees what the URL-bearing events miss: a promise continuation of the
 * content script runs in a microtask checkpoint whose events name no script.
 */
const SAMPLES = process.env.GLOSS_TRACE_SAMPLES === '1';

/** Starts a trace; the returned function stops it and hands back the events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
  const categories = SAMPLES ? `${CATEGORIES},disabled-by-default-v8.cpu_profiler` : CATEGORIES;
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/**
 * Top-level units of main-thread work. Blink runs the microtask checkpoint after a task as
 * its own top-level event, not inside the task: counting only `RunTask` left out every
 * promise continuation (the content script's start after its settings arrive among them).
 */
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
const isTask = (e: TraceEvent) => e.ph === 'X' && TASK_NAMES.has(e.name);
/** A checkpoint starting this close after a task ends belongs to that task (µs). */
const SAME_TASK_GAP_US = 50;

interface Span {
  ts: number;
  dur: number;
  cpu: number;
}

/** Top-level tasks of one thread, each with its microtask checkpoint merged in. */
function topLevelTasks(thread: TraceEvent[]): Span[] {
  const tasks: Span[] = [];
  let end = -Infinity;
  for (const e of thread) {
    if (!isTask(e) || e.ts < end) continue; // nested tasks count once, in their parent
    const dur = e.dur ?? 0;
    const cpu = e.tdur ?? dur;
    const last = tasks[tasks.length - 1];
    if (last && e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint' && e.ts - end <= SAME_TASK_GAP_US) {
      last.dur = e.ts + dur - last.ts;
      last.cpu += cpu;
    } else {
      tasks.push({ ts: e.ts, dur, cpu });
    }
    end = e.ts + dur;
  }
  return tasks;
}

/** The CPU samples of one thread as [time, on Gloss's code] pairs (empty without SAMPLES). */
function glossSamples(events: TraceEvent[], pid: number, tid: number): { ts: number; dt: number; gloss: boolean }[] {
  const out: { ts: number; dt: number; gloss: boolean }[] = [];
  for (const p of events) {
    if (p.name !== 'Profile' || p.pid !== pid || p.tid !== tid) continue;
    const parent = new Map<number, number>();
    const own = new Map<number, boolean>();
    let t = (p.args as { data?: { startTime?: number } } | undefined)?.data?.startTime ?? 0;
    const chunks = events.filter((c) => c.name === 'ProfileChunk' && c.id === p.id).sort((a, b) => a.ts - b.ts);
    for (const c of chunks) {
      const data = (c.args as { data?: ChunkData } | undefined)?.data;
      for (const n of data?.cpuProfile?.nodes ?? []) {
        if (n.parent !== undefined) parent.set(n.id, n.parent);
        own.set(n.id, (n.callFrame?.url ?? '').startsWith('chrome-extension://'));
      }
      const deltas = data?.timeDeltas ?? [];
      (data?.cpuProfile?.samples ?? []).forEach((id, i) => {
        const dt = deltas[i] ?? 0;
        t += dt;
        let gloss = false;
        for (let n: number | undefined = id; n !== undefined && !gloss; n = parent.get(n)) gloss = own.get(n) === true;
        out.push({ ts: t, dt: deltas[i + 1] ?? 100, gloss });
      });
    }
  }
  return out.sort((a, b) => a.ts - b.ts);
}

interface ChunkData {
  cpuProfile?: { nodes?: { id: number; parent?: number; callFrame?: { url?: string } }[]; samples?: number[] };
  timeDeltas?: number[];
}

/** Summarizes the main thread of the renderer that parsed `url`. */
export function summarizeTrace(events: TraceEvent[], url: string): TraceSummary {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  const empty = { taskMs: NaN, taskCpuMs: NaN, longTasks: 0, longestTaskMs: NaN, tbtMs: NaN, glossTaskMs: NaN, glossTaskCpuMs: NaN, glossLongestMs: NaN, glossScriptMs: NaN, glossLongestScriptMs: NaN, glossTbtMs: NaN, paints: 0, paintCpuMs: NaN };
  if (!parse) return empty;
  const thread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid).sort((a, b) => a.ts - b.ts);
  const tasks = topLevelTasks(thread);
  const ms = (e: Span) => e.dur / 1000;
  const extension = (e: TraceEvent) => (e.args?.data?.url ?? '').startsWith('chrome-extension://');
  const gloss = new Set<Span>();
  // Gloss's own script time per task; nested extension events count once, in the outermost.
  const own = new Map<Span, number>();
  const samples = SAMPLES ? glossSamples(events, parse.pid, parse.tid) : [];
  if (samples.length) {
    let t = 0;
    for (const s of samples) {
      while (t < tasks.length && (tasks[t] as Span).ts + (tasks[t] as Span).dur < s.ts) t++;
      const task = tasks[t];
      if (!task || s.ts < task.ts || !s.gloss) continue;
      gloss.add(task);
      own.set(task, (own.get(task) ?? 0) + s.dt / 1000);
    }
  } else {
    // One pass: events are sorted, tasks do not overlap.
    let t = 0;
    let ownEnd = -Infinity;
    for (const e of thread) {
      while (t < tasks.length && (tasks[t] as Span).ts + (tasks[t] as Span).dur < e.ts) t++;
      const task = tasks[t];
      if (!task || e.ts < task.ts || !extension(e)) continue;
      gloss.add(task);
      if (e.ph === 'X' && e.ts >= ownEnd) {
        own.set(task, (own.get(task) ?? 0) + (e.dur ?? 0) / 1000);
        ownEnd = e.ts + (e.dur ?? 0);
      }
    }
  }
  const durations = tasks.map(ms);
  const glossTasks = [...gloss];
  const tbt = (ds: number[]) => ds.reduce((s, d) => s + Math.max(0, d - 50), 0);
  return {
    taskMs: durations.reduce((s, d) => s + d, 0),
    taskCpuMs: tasks.reduce((s, t) => s + t.cpu, 0) / 1000,
    longTasks: durations.filter((d) => d > 50).length,
    longestTaskMs: Math.max(0, ...durations),
    tbtMs: tbt(durations),
    glossTaskMs: glossTasks.reduce((s, e) => s + ms(e), 0),
    glossTaskCpuMs: glossTasks.reduce((s, e) => s + e.cpu, 0) / 1000,
    glossLongestMs: Math.max(0, ...glossTasks.map(ms)),
    glossScriptMs: [...own.values()].reduce((s, d) => s + d, 0),
    glossLongestScriptMs: Math.max(0, ...own.values()),
    glossTbtMs: tbt(glossTasks.map(ms)),
    ...paintsOf(thread),
  };
}

/** The outermost `Paint` events of a thread (a Paint nests another Paint): count and CPU. */
function paintsOf(thread: TraceEvent[]): { paints: number; paintCpuMs: number } {
  let end = -Infinity;
  let paints = 0;
  let cpu = 0;
  for (const e of thread) {
    if (e.name !== 'Paint' || e.ph !== 'X' || e.ts < end) continue;
    paints++;
    cpu += e.tdur ?? e.dur ?? 0;
    end = e.ts + (e.dur ?? 0);
  }
  return { paints, paintCpuMs: cpu / 1000 };
}
