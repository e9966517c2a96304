import type { CaseName, CaseResult } from './cases.js';

/** The issue's targets, checked against each run; shares are of the ceiling measured with wrk when it is installed. */
type Target = { name: CaseName; text: string; met: (result: CaseResult) => boolean };

const TARGETS: Target[] = [
  { name: 'anonymous-thread', text: '≥ 60% of ceiling, p99 ≤ 10 ms', met: (r) => (r.percentOfCeiling ?? 0) >= 60 && r.latencyMs.p99 <= 10 },
  { name: 'signed-in-thread', text: '≥ 25% of ceiling, p99 ≤ 30 ms', met: (r) => (r.percentOfCeiling ?? 0) >= 25 && r.latencyMs.p99 <= 30 },
  { name: 'category', text: '≥ 40% of ceiling, p99 ≤ 50 ms', met: (r) => (r.percentOfCeiling ?? 0) >= 40 && r.latencyMs.p99 <= 50 },
  { name: 'reply', text: '≥ 800/s sustained 30 s, p99 ≤ 50 ms', met: (r) => r.seconds >= 29.5 && r.requestsPerSecond >= 800 && r.latencyMs.p99 <= 50 },
  { name: 'reads-during-writes', text: 'read p99 ≤ 50 ms', met: (r) => r.latencyMs.p99 <= 50 },
  { name: 'insights', text: '90 days, one at a time: p95 ≤ 200 ms', met: (r) => (r.latencyP95Ms ?? Infinity) <= 200 },
];

export type TargetCheck = { case: CaseName | 'start-up'; target: string; met: boolean | null; actual: string };

export function checkTargets(results: CaseResult[]): TargetCheck[] {
  return TARGETS.map((target) => {
    const result = results.find((entry) => entry.name === target.name);
    if (!result || result.status !== 'ok') return { case: target.name, target: target.text, met: null, actual: 'not measured' };
    const sameResponses = result.percentOfSameResponses === null ? '' : `${result.percentOfSameResponses.toFixed(0)}% of the same-responses ceiling, `;
    const share = result.percentOfCeiling === null ? sameResponses : `${result.percentOfCeiling.toFixed(0)}% of ceiling, ${sameResponses}`;
    const sustained = target.name === 'reply' ? `, ${result.seconds.toFixed(0)} s, slowest second ${result.minPerSecond}` : '';
    if (result.latencyP95Ms !== undefined) {
      return { case: target.name, target: target.text, met: target.met(result), actual: `p50 ${result.latencyMs.p50.toFixed(1)} ms, p95 ${result.latencyP95Ms.toFixed(1)} ms over ${result.requests} requests` };
    }
    return {
      case: target.name,
      target: target.text,
      met: target.met(result),
      actual: `${share}${Math.round(result.requestsPerSecond)}/s, p99 ${result.latencyMs.p99.toFixed(1)} ms${sustained}`,
    };
  });
}

const megabytes = (bytes: number) => (bytes ? `${(bytes / 1024 / 1024).toFixed(0)}` : '–');
const milliseconds = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(2));

/** Other processes using more than this (percent of one core) during a case make its figures suspect. */
export const NOISY_PERCENT = 25;

function row(result: CaseResult): string[] {
  const noisy = result.status === 'ok' && result.cpuPercent.other > NOISY_PERCENT;
  if (result.status !== 'ok') return [result.label, result.status === 'n/a' ? `n/a (${result.note ?? ''})` : `FAILED: ${result.note ?? ''}`, '', '', '', '', '', '', '', '', '', ''];
  return [
    `${result.label}${noisy ? ' *' : ''}`,
    Math.round(result.requestsPerSecond).toLocaleString('en'),
    milliseconds(result.latencyMs.p50),
    milliseconds(result.latencyMs.p99),
    String(result.errors),
    megabytes(result.serverRssBytes.peak),
    result.pageBytes ? result.pageBytes.toLocaleString('en') : '–',
    result.percentOfCeiling === null ? '' : `${result.percentOfCeiling.toFixed(0)}%`,
    result.percentOfSameResponses === null ? '' : `${result.percentOfSameResponses.toFixed(0)}%`,
    `${result.cpuPercent.server.toFixed(0)}/${result.cpuPercent.load.toFixed(0)}/${result.cpuPercent.other.toFixed(0)}`,
    result.cpuPercent.markdown >= 0.5 ? result.cpuPercent.markdown.toFixed(0) : '–',
    result.generator ?? '',
  ];
}

// "md": the server's markdown worker thread, part of "srv" (and on the load core unless --markdown-core server).
// "load": the generator that drove the case; "of ceiling" compares only cases driven by the ceiling's;
// "of same resp.": the anonymous case against the ceiling that serves its own responses.
const HEADER = ['case', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'RSS MB', 'page bytes', 'of ceiling', 'of same resp.', 'CPU% srv/load/other', 'md', 'load'];

/** A Markdown table (readable in a terminal, pasteable into docs/performance.md). */
export function formatTable(results: CaseResult[]): string {
  const rows = [HEADER, ...results.map(row)];
  const widths = HEADER.map((_, column) => Math.max(...rows.map((cells) => (cells[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  const separator = `|${widths.map((width, column) => (column === 0 ? `-${'-'.repeat(width)}-` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  const writes = results.find((result) => result.writes)?.writes;
  const footnote = writes
    ? `\nreads during writes: ${Math.round(writes.requestsPerSecond)} replies/s beside the reads (p99 ${writes.latencyMs.p99.toFixed(1)} ms, ${writes.errors} errors).`
    : '';
  const primed = results.filter((result) => result.status === 'ok' && result.firstViews && result.firstViews.pages >= 100);
  const firstViews = primed.length
    ? `\nfirst views (each URL requested once, 4 at a time, before the warm-up): ${primed
        .map(({ label, firstViews: { pages, seconds } = { pages: 0, seconds: 0 } }) => `${label} ${pages.toLocaleString('en')} in ${seconds.toFixed(1)} s (${((seconds * 1000) / pages).toFixed(2)} ms each)`)
        .join('; ')}.`
    : '';
  const noisy = results.some((result) => result.status === 'ok' && result.cpuPercent.other > NOISY_PERCENT)
    ? `\n* other processes used more than ${NOISY_PERCENT}% of a core during this case: its figures are lower than on a quiet machine.`
    : '';
  return `${[line(rows[0]!), separator, ...rows.slice(1).map(line)].join('\n')}${footnote}${firstViews}${noisy}`;
}

export function formatTargets(checks: TargetCheck[]): string {
  return checks.map((check) => `${check.met === null ? '  –   ' : check.met ? '  met ' : '  MISS'}  ${check.case}: ${check.target} — ${check.actual}`).join('\n');
}
