import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/*
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): where the busy time went, by function (self
 * and inclusive time) and by origin (app code, each npm package, Node internals, GC). Idle time is
 * left out of the percentages. `npm run bench -- --profile` writes one and prints this.
 *
 * Usage: tsx test/bench/profile-summary.ts FILE.cpuprofile [--top N]
 */

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileLine = { name: string; where: string; selfPercent: number; totalPercent: number };
export type ProfileSummary = {
  busyMs: number;
  idleMs: number;
  /** Top functions by self time. */
  functions: ProfileLine[];
  /** App, hono and drizzle functions by inclusive time: what the request path spends, end to end. */
  inclusive: ProfileLine[];
  origins: { origin: string; percent: number }[];
};
/** A span of the server's life in CLOCK_MONOTONIC microseconds (the clock of process.hrtime and of V8's profiles). */
export type Window = { startUs: number; endUs: number };

function originOf(url: string, name: string): string {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(program)' || url === '') return name.startsWith('(') ? 'V8/native' : 'native';
  if (url.startsWith('node:')) return 'node internals';
  const dependency = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1]!;
  const app = url.match(/\/dist\/((?:src|views)\/[^/]+)/);
  return app ? `app ${app[1]}` : url.replace(/^file:\/\//, '');
}

function whereOf(frame: CallFrame): string {
  if (!frame.url) return '';
  const short = frame.url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/');
  return `${short}:${frame.lineNumber + 1}`;
}

export function loadProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

/**
 * Where the busy time went, over whole profiles or only inside `window`. Several profiles (the
 * markdown workers, say: one per worker thread) add up as if they were one.
 */
export function summarizeProfile(profiles: CpuProfile | CpuProfile[], options: { top?: number; window?: Window } = {}): ProfileSummary {
  const top = options.top ?? 25;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const origins = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  for (const profile of Array.isArray(profiles) ? profiles : [profiles]) {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const key = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'}\u0000${whereOf(node.callFrame)}`;
    let at = profile.startTime;
    profile.samples.forEach((id, index) => {
      const micros = profile.timeDeltas[index] ?? 0;
      at += micros;
      if (options.window && (at < options.window.startUs || at > options.window.endUs)) return;
      const node = byId.get(id);
      if (!node) return;
      if (node.callFrame.functionName === '(idle)') {
        idle += micros;
        return;
      }
      busy += micros;
      self.set(key(node), (self.get(key(node)) ?? 0) + micros);
      const origin = originOf(node.callFrame.url, node.callFrame.functionName);
      origins.set(origin, (origins.get(origin) ?? 0) + micros);
      const seen = new Set<string>();
      for (let current: number | undefined = id; current !== undefined; current = parent.get(current)) {
        const name = key(byId.get(current)!);
        if (seen.has(name)) continue;
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + micros);
      }
    });
  }
  const percent = (micros: number) => (busy ? (micros / busy) * 100 : 0);
  const line = ([name, micros]: [string, number]): ProfileLine => {
    const [functionName, where] = name.split('\u0000') as [string, string];
    return { name: functionName, where, selfPercent: percent(self.get(name) ?? 0), totalPercent: percent(total.get(name) ?? micros) };
  };
  const onRequestPath = (name: string) => /\u0000(dist\/|node_modules\/(hono|@hono|drizzle-orm))/.test(name);
  return {
    busyMs: busy / 1000,
    idleMs: idle / 1000,
    functions: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(line),
    inclusive: [...total.entries()].filter(([name]) => onRequestPath(name)).sort((a, b) => b[1] - a[1]).slice(0, 20).map(line),
    origins: [...origins.entries()].sort((a, b) => b[1] - a[1]).map(([origin, micros]) => ({ origin, percent: percent(micros) })),
  };
}

export function formatProfile(summary: ProfileSummary): string {
  const lines = [`busy ${(summary.busyMs / 1000).toFixed(1)} s, idle ${(summary.idleMs / 1000).toFixed(1)} s`, '', 'self %  total %  function'];
  for (const line of summary.functions) lines.push(`${line.selfPercent.toFixed(1).padStart(6)}  ${line.totalPercent.toFixed(1).padStart(7)}  ${line.name}  ${line.where}`);
  lines.push('', 'by origin (self time):');
  for (const origin of summary.origins.slice(0, 15)) lines.push(`${origin.percent.toFixed(1).padStart(6)}  ${origin.origin}`);
  lines.push('', 'app, hono and drizzle functions by inclusive time:');
  for (const line of summary.inclusive) lines.push(`${line.totalPercent.toFixed(1).padStart(6)}  ${line.name}  ${line.where}`);
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: tsx test/bench/profile-summary.ts FILE.cpuprofile [--top N]');
    process.exit(1);
  }
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 25;
  console.log(formatProfile(summarizeProfile(loadProfile(file), { top })));
}
