import { Worker, type WorkerOptions } from 'node:worker_threads';
import { trustSanitized } from '../lib/safe-html.js';
import { RENDER_VERSION, type MarkdownRenderer, type Rendered } from './renderer.js';
import type { ReadyMessage, RenderRequest, RenderResponse } from './worker.js';

/*
 * One worker thread renders and sanitizes posts, so the request thread never holds a jsdom window.
 * - DOMPurify on jsdom was measured to leak ~36 KB per sanitized post (cure53/DOMPurify#1089). With
 *   the versions in package-lock.json it does not in this worker (RSS flat over 20,000 renders; the
 *   documents jsdom's WeakRef'd node iterators kept until a full GC are now held strongly and die
 *   with each call, ADR 0019), but a leak would
 *   grow without bound, so the worker is still replaced when its V8 heap passes
 *   `recycleAtHeapBytes` (each answer reports it; 100,000 renders stayed under 80 MB), or after
 *   `recycleAfter` renders when that is set. A fresh worker
 *   takes new requests while the old one finishes its queue and is then terminated. Loading jsdom
 *   takes 1–3 s, so the successor is started at 90% of either budget and takes over only once it
 *   is ready (the old one keeps rendering meanwhile, up to twice the budget): posts never wait for
 *   a worker to start, except the very first. Not earlier: an idle loaded successor holds ~70 MB.
 * - The worker answers in order, so only the oldest pending request is actually running; the
 *   timeout clock runs for that one alone (a long queue is not a hung worker), and only once the
 *   worker has reported that jsdom is loaded. A timed-out request is rejected, its worker
 *   terminated, and the requests queued behind it move to a fresh worker.
 * - A crashed worker rejects what it had in flight; the next render starts a new one.
 * - An idle worker is unref'd so it never keeps the process alive.
 */

export type MarkdownRendererOptions = { recycleAfter?: number; recycleAtHeapBytes?: number; timeoutMs?: number };

export type MarkdownRendererStats = { recycled: number; coldRecycles: number; spareReady: boolean; heapUsed: number };

type Pending = {
  id: number;
  markdown: string;
  resolve: (rendered: Rendered) => void;
  reject: (error: Error) => void;
};

type Slot = {
  worker: Worker;
  pending: Map<number, Pending>; // insertion order = the worker's FIFO
  renders: number;
  /** The worker's V8 heap as of its last answer. */
  heapUsed: number;
  ready: boolean;
  retired: boolean;
  stopped: boolean;
  timer: NodeJS.Timeout | undefined;
  exited: Promise<void> | undefined;
};

/*
 * From the compiled build the entry is plain worker.js. From TypeScript sources (vitest, tsx) it is
 * worker.ts, which needs tsx's loader inside the worker. `execArgv: ['--import', 'tsx']` is not
 * enough on Node 20: tsx registers its hooks only on the main thread before Node 22.22/24.11. So a
 * small bootstrap registers tsx through its API in the worker, then imports worker.ts. It loads
 * jsdom first, without tsx's hooks in the way, which makes the worker start about twice as fast.
 */
function startWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), options);
  const jsdom = JSON.stringify(import.meta.resolve('jsdom'));
  const tsxApi = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL('./worker.ts', import.meta.url).href);
  const bootstrap = `import(${jsdom}).then(() => import(${tsxApi})).then(({ register }) => { register(); return import(${entry}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

export function createMarkdownRenderer(options: MarkdownRendererOptions = {}): MarkdownRenderer & { stats(): MarkdownRendererStats } {
  // Every recycle costs the successor's jsdom load (~1 s of CPU) and, while both are loaded, ~100 MB,
  // so only a growing heap replaces a worker by default; a render budget is for tests.
  const recycleAfter = Math.max(1, options.recycleAfter ?? Infinity);
  const recycleAtHeapBytes = options.recycleAtHeapBytes ?? 160 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 5000;
  const slots = new Set<Slot>();
  let current: Slot | undefined;
  // The successor, loading jsdom while `current` still renders.
  let spare: Slot | undefined;
  let recycled = 0;
  let coldRecycles = 0;
  let nextId = 1;
  let closed = false;

  function spawn(): Slot {
    // The heap cap turns a runaway render into a crash of this worker instead of the whole process.
    const worker = startWorker({ resourceLimits: { maxOldGenerationSizeMb: 256 } });
    const slot: Slot = {
      worker,
      pending: new Map(),
      renders: 0,
      heapUsed: 0,
      ready: false,
      retired: false,
      stopped: false,
      timer: undefined,
      exited: undefined,
    };
    worker.unref();
    worker.on('message', (message: RenderResponse | ReadyMessage) => {
      if ('ready' in message) {
        slot.ready = true;
        watch(slot);
      } else settle(slot, message);
    });
    worker.on('error', (error) => fail(slot, new Error(`The markdown worker crashed: ${error.message}`)));
    worker.on('exit', (code) => fail(slot, new Error(`The markdown worker exited unexpectedly (code ${code}).`)));
    slots.add(slot);
    return slot;
  }

  /** Terminates the slot's worker and hands back whatever it still had in flight. */
  function stop(slot: Slot): Pending[] {
    if (slot.stopped) return [];
    slot.stopped = true;
    clearTimeout(slot.timer);
    slots.delete(slot);
    if (current === slot) current = undefined;
    if (spare === slot) spare = undefined;
    const inFlight = [...slot.pending.values()];
    slot.pending.clear();
    slot.exited = slot.worker.terminate().then(() => undefined, () => undefined);
    return inFlight;
  }

  // Starts the timeout clock for whichever request the worker is working on now, and keeps the
  // process alive exactly while something is pending.
  function watch(slot: Slot): void {
    if (slot.stopped) return;
    clearTimeout(slot.timer);
    slot.timer = undefined;
    const head = slot.pending.values().next().value;
    if (!head) {
      if (slot.retired) stop(slot);
      else slot.worker.unref();
      return;
    }
    slot.worker.ref();
    if (slot.ready) slot.timer = setTimeout(() => timeOut(slot, head), timeoutMs);
  }

  function send(slot: Slot, request: Pending): void {
    slot.pending.set(request.id, request);
    slot.renders += 1;
    slot.worker.postMessage({ id: request.id, markdown: request.markdown } satisfies RenderRequest);
    if (slot.pending.size === 1) watch(slot);
  }

  function settle(slot: Slot, response: RenderResponse): void {
    const request = slot.pending.get(response.id);
    if (!request) return;
    slot.pending.delete(response.id);
    slot.heapUsed = response.heapUsed;
    if ('html' in response) request.resolve({ html: trustSanitized(response.html), text: response.text, searchText: response.searchText, renderVersion: RENDER_VERSION });
    else request.reject(new Error(`Rendering the post failed: ${response.error}`));
    watch(slot);
  }

  function fail(slot: Slot, error: Error): void {
    for (const request of stop(slot)) request.reject(error);
  }

  function timeOut(slot: Slot, stuck: Pending): void {
    const waiting = stop(slot).filter((request) => request !== stuck);
    stuck.reject(new Error(`Rendering the post took longer than ${timeoutMs} ms and was stopped; the markdown may be too complex.`));
    // The others were only queued behind the stuck one: they get a fresh worker, not an error.
    for (const request of waiting) send(target(), request);
  }

  /** Has the worker used this share of its budget (of renders, or of heap, whichever comes first)? */
  function used(slot: Slot, share: number): boolean {
    return slot.renders >= Math.floor(recycleAfter * share) || slot.heapUsed >= recycleAtHeapBytes * share;
  }

  function target(): Slot {
    if (current && !spare && used(current, 0.9)) spare = spawn();
    if (current && used(current, 1) && (spare?.ready || used(current, 2))) {
      current.retired = true;
      if (current.pending.size === 0) stop(current);
      current = undefined;
      recycled += 1;
      if (!spare?.ready) coldRecycles += 1;
    }
    if (!current && spare) {
      current = spare;
      spare = undefined;
    }
    current ??= spawn();
    return current;
  }

  return {
    render(markdown) {
      if (closed) return Promise.reject(new Error('The markdown renderer has been closed.'));
      return new Promise<Rendered>((resolve, reject) => {
        send(target(), { id: nextId++, markdown, resolve, reject });
      });
    },
    /** How recycling went: a cold recycle means posts waited for a worker to load jsdom. */
    stats() {
      return { recycled, coldRecycles, spareReady: spare?.ready ?? false, heapUsed: current?.heapUsed ?? 0 };
    },
    async close() {
      closed = true;
      const stopping = [...slots];
      const error = new Error('The markdown renderer was closed before this post was rendered.');
      for (const slot of stopping) for (const request of stop(slot)) request.reject(error);
      await Promise.all(stopping.map((slot) => slot.exited));
    },
  };
}
