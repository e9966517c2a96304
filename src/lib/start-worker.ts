import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The entry of a worker module beside the caller: `name`.js in the compiled build, `name`.ts when
 * running from TypeScript sources (vitest, tsx).
 */
export function workerEntry(callerUrl: string, name: string): URL {
  return new URL(`./${name}${callerUrl.endsWith('.ts') ? '.ts' : '.js'}`, callerUrl);
}

/*
 * From the compiled build the entry is plain JavaScript. From TypeScript sources it needs tsx's
 * loader inside the worker, and `execArgv: ['--import', 'tsx']` is not enough on Node 20: tsx
 * registers its hooks only on the main thread before Node 22.22/24.11. So a small bootstrap
 * registers tsx through its API in the worker, then imports the entry. `preload` modules are
 * imported first, without tsx's hooks in the way (jsdom loads about twice as fast that way).
 */
export function startWorker(entry: URL, options: WorkerOptions = {}, preload: string[] = []): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  const first = preload.map((specifier) => `.then(() => import(${JSON.stringify(import.meta.resolve(specifier))}))`).join('');
  const tsxApi = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `Promise.resolve()${first}.then(() => import(${tsxApi})).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
