import type { JobResult, JobSpec } from './load.js';
import type { ProfileSummary, Window } from './profile-summary.js';
import type { Targets } from './targets.js';

/*
 * The benchmark cases. Each is one or more load jobs against the app (or, for the ceiling, against
 * a raw node:http server returning the very bytes of a thread page; for the second ceiling, the
 * anonymous case's own responses, see same-responses.ts). Read cases run first; the
 * write-heavy reply case runs last because it grows the (working copy of the) dataset.
 */

export const CASE_NAMES = [
  'ceiling',
  'ceiling-same-responses',
  'anonymous-thread',
  'signed-in-thread',
  'deep-page',
  'category',
  'search-common',
  'search-rare',
  'reads-during-writes',
  'insights',
  'reply',
] as const;
export type CaseName = (typeof CASE_NAMES)[number];

export const CASE_LABELS: Record<CaseName, string> = {
  ceiling: 'ceiling (raw node:http, same bytes)',
  'ceiling-same-responses': 'ceiling (raw node:http, the anonymous responses)',
  'anonymous-thread': 'anonymous thread page',
  'signed-in-thread': 'signed-in thread page',
  'deep-page': 'deep page of a long thread',
  category: 'category page',
  'search-common': 'search, common word',
  'search-rare': 'search, rare word',
  'reads-during-writes': 'reads during writes',
  insights: 'insights dashboard, 90 days (one at a time)',
  reply: 'reply (POST)',
};

export type CaseSettings = {
  connections: number;
  seconds: number;
  replySeconds: number;
  writeRate: number;
  writeConnections: number;
  /** Caps every job's requests per second (the smoke test's, so it stays light beside other tests). */
  maxRate?: number;
  seed: number;
};

export type CasePlan = {
  name: CaseName;
  /** The job whose figures are the case's row; others (the writes beside reads) are reported beside it. */
  jobs: JobSpec[];
  /** Requires the /search route. */
  needsSearch?: boolean;
  /**
   * Requested this many times one after another on one connection, by the runner itself, instead of
   * under load: a page a manager opens now and then, measured as they wait for it (no cache).
   */
  sequentialRequests?: number;
};

/** How many times the insights case opens the dashboard. */
export const INSIGHTS_REQUESTS = 50;

function readJob(name: string, origin: string, paths: string[], settings: CaseSettings, headers: Record<string, string> = {}): JobSpec {
  return { name, origin, connections: settings.connections, seconds: settings.seconds, paths, method: 'GET', headers, expectStatus: 200, seed: settings.seed };
}

function replyJob(origin: string, targets: Targets, settings: CaseSettings, overrides: Partial<JobSpec>): JobSpec {
  return {
    name: 'reply',
    origin,
    connections: settings.connections,
    seconds: settings.replySeconds,
    paths: targets.replyPaths,
    method: 'POST',
    headers: { cookie: targets.cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
    bodies: targets.replyBodies,
    expectStatus: 303,
    seed: settings.seed + 7,
    ...overrides,
  };
}

export function planCase(name: CaseName, origin: string, ceilingOrigin: string, targets: Targets, settings: CaseSettings): CasePlan {
  const plan = uncappedPlan(name, origin, ceilingOrigin, targets, settings);
  const cap = settings.maxRate;
  if (cap === undefined) return plan;
  return { ...plan, jobs: plan.jobs.map((job) => ({ ...job, rate: Math.min(job.rate ?? cap, cap) })) };
}

function uncappedPlan(name: CaseName, origin: string, ceilingOrigin: string, targets: Targets, settings: CaseSettings): CasePlan {
  const signedIn = { cookie: targets.cookie };
  switch (name) {
    case 'ceiling':
      return { name, jobs: [readJob(name, ceilingOrigin, ['/'], settings)] };
    case 'ceiling-same-responses':
      return { name, jobs: [readJob(name, ceilingOrigin, targets.threadPaths, settings)] };
    case 'anonymous-thread':
      return { name, jobs: [readJob(name, origin, targets.threadPaths, settings)] };
    case 'signed-in-thread':
      return { name, jobs: [readJob(name, origin, targets.threadPaths, settings, signedIn)] };
    case 'deep-page':
      return { name, jobs: [readJob(name, origin, targets.deepPaths, settings)] };
    case 'category':
      return { name, jobs: [readJob(name, origin, targets.categoryPaths, settings)] };
    case 'search-common':
      return { name, jobs: [readJob(name, origin, targets.searchCommonPaths, settings)], needsSearch: true };
    case 'search-rare':
      return { name, jobs: [readJob(name, origin, targets.searchRarePaths, settings)], needsSearch: true };
    case 'reads-during-writes':
      return {
        name,
        jobs: [
          readJob(name, origin, targets.threadPaths, settings),
          replyJob(origin, targets, settings, { name: 'writes', connections: settings.writeConnections, seconds: settings.seconds, rate: settings.writeRate }),
        ],
      };
    case 'insights':
      return { name, jobs: [{ ...readJob(name, origin, ['/mod/insights?period=90d'], settings, { cookie: targets.staffCookie }), connections: 1 }], sequentialRequests: INSIGHTS_REQUESTS };
    case 'reply':
      return { name, jobs: [replyJob(origin, targets, settings, {})] };
  }
}

/** Percent of one core; `markdown` is the server's markdown worker thread, already counted in `server`. */
export type CpuPercent = { server: number; load: number; other: number; markdown: number };

export type CaseResult = {
  name: CaseName;
  label: string;
  status: 'ok' | 'n/a' | 'failed';
  note?: string;
  /** What drove the load: "wrk 4.1.0" (GET cases, when installed) or "autocannon". */
  generator?: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** The cases measured one request at a time (insights) report their 95th percentile too. */
  latencyP95Ms?: number;
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  errorMessages: Record<string, number>;
  /** Lowest number of requests completed in any one full second. */
  minPerSecond: number;
  /** Requests completed in each full second of the measured run. */
  perSecond: number[];
  seconds: number;
  serverRssBytes: { peak: number; end: number };
  /** CPU used during the measured run, in percent of one core: the server, the load generator, everything else. */
  cpuPercent: CpuPercent;
  /** Body bytes of the page (average over sampled URLs); 0 for redirects. */
  pageBytes: number;
  /** Against the ceiling measured with the same generator in the same run; null when there is none. */
  percentOfCeiling: number | null;
  /** The anonymous case against the same-responses ceiling of the same run and generator; null otherwise. */
  percentOfSameResponses: number | null;
  /** The writes that ran beside the reads, for reads-during-writes. */
  writes?: JobResult;
  /** Before the warm-up, every URL of a reading case was requested once (first views render and fill the caches). */
  firstViews?: { pages: number; seconds: number };
  /** When the measured run happened (monotonic clock), to cut the case out of a server profile. */
  window?: Window;
  /** With --profile: where the server's main thread spent its CPU time during this case. */
  profile?: ProfileSummary;
  /** With --profile: the same for its worker threads (the markdown renderer), when they were busy. */
  workerProfile?: ProfileSummary;
};

/** The cases served by a raw node:http server rather than the app. */
export function isCeiling(name: CaseName): boolean {
  return name === 'ceiling' || name === 'ceiling-same-responses';
}

export function emptyResult(name: CaseName, status: 'n/a' | 'failed', note: string): CaseResult {
  return {
    name,
    label: CASE_LABELS[name],
    status,
    note,
    requestsPerSecond: 0,
    latencyMs: { p50: 0, p90: 0, p99: 0, max: 0 },
    requests: 0,
    errors: 0,
    statuses: {},
    errorMessages: {},
    minPerSecond: 0,
    perSecond: [],
    seconds: 0,
    serverRssBytes: { peak: 0, end: 0 },
    cpuPercent: { server: 0, load: 0, other: 0, markdown: 0 },
    pageBytes: 0,
    percentOfCeiling: null,
    percentOfSameResponses: null,
  };
}
