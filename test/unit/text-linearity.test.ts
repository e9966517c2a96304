import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { absolutize } from '../../src/embed/absolute-urls.js';
import { BODY_MAX, bodyError, normalizeText, titleError } from '../../src/forum/validation.js';
import { excerpt, htmlToText } from '../../src/lib/html-text.js';
import type { SafeHtml } from '../../src/lib/safe-html.js';
import { slugify, threadSlug } from '../../src/lib/slug.js';
import { characterCount, graphemeCount } from '../../src/lib/text.js';
import { holdNodeIteratorsStrongly } from '../../src/markdown/jsdom-node-iterators.js';
import { mentionedNames } from '../../src/markdown/mentions.js';
import { markdownToHtml } from '../../src/markdown/render.js';
import { MAX_ELEMENTS } from '../../src/markdown/sanitize-cost.js';
import { createSanitizer } from '../../src/markdown/sanitize.js';
import { containsLink } from '../../src/moderation/publication.js';
import { censor, findWatchedWords, foldText, type WatchedWord } from '../../src/moderation/watched-words.js';
import { analyzeForIndex, analyzeQuery } from '../../src/search/analyzer.js';
import { parseSearchQuery } from '../../src/search/query.js';
import { similarMatch } from '../../src/search/similar.js';
import { snippet } from '../../src/search/snippet.js';
import { jsonForScript } from '../../views/html.js';

/*
 * Every text routine that runs on the request thread must take time in proportion to its input,
 * whatever the input: one crafted post must not stall every other request (docs/decisions/0020).
 *
 * How it measures: each helper runs on an input of n characters and on one of 8n (8n just under
 * the body limit). Linear time makes the second about 8 times slower, quadratic time about 64
 * times. The check fails above 24 times: three times linear, so a busy machine's noise does not
 * trip it, and well under the 64 of a quadratic helper (the old snippet and htmlToText measured
 * 64–66 here).
 * To beat noise on a shared 2-core machine:
 * - time is the process's CPU time, not the clock's: on a machine loaded several times over, a
 *   long batch is preempted by other processes far more often than a short one, which made
 *   linear helpers look 30–45 times slower at 8n by the clock;
 * - a call too quick to time is repeated, the same number of times at both sizes, until one
 *   batch at size n takes at least MIN_BATCH_MS;
 * - each size is timed REPEATS times, interleaved, and the fastest batch counts (noise only ever
 *   adds time);
 * - a ratio over the bound is measured again, up to ATTEMPTS times in all, before it fails: a
 *   quadratic helper is over the bound every time, a run slowed by a garbage collection rarely
 *   twice.
 * The same measurement bounds the time of one call at the body limit: BUDGET_MS, the most a
 * single request may spend on any input.
 */

const LARGE = 48_000;
const SMALL = LARGE / 8;
const RATIO_BOUND = 24;
const BUDGET_MS = 100;
const MIN_BATCH_MS = 1;
const REPEATS = 3;
const ATTEMPTS = 3;

/** This process's CPU time in milliseconds: unlike the clock, it does not count the time other processes run. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** The fastest of REPEATS batches of `calls` calls, in milliseconds per batch, for each input (timed in turn). */
function fastestBatches(run: (input: string) => unknown, inputs: string[], calls: number): number[] {
  const best = inputs.map(() => Infinity);
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    inputs.forEach((input, index) => {
      const start = cpuMs();
      for (let call = 0; call < calls; call++) run(input);
      best[index] = Math.min(best[index]!, cpuMs() - start);
    });
  }
  return best;
}

type Growth = { ratio: number; largeMs: number };

function growth(run: (input: string) => unknown, small: string, large: string): Growth {
  let calls = 1;
  while (calls < 1 << 16 && fastestBatches(run, [small], calls)[0]! < MIN_BATCH_MS) calls *= 4;
  let measured: Growth = { ratio: Infinity, largeMs: Infinity };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [smallMs, largeMs] = fastestBatches(run, [small, large], calls) as [number, number];
    measured = { ratio: largeMs / Math.max(smallMs, 1e-3), largeMs: largeMs / calls };
    if (measured.ratio <= RATIO_BOUND && measured.largeMs <= BUDGET_MS) break;
  }
  return measured;
}

/** `unit` repeated after `prefix` to exactly `length` characters. */
function build(prefix: string, unit: string, length: number): string {
  const body = unit.repeat(Math.ceil(Math.max(0, length - prefix.length) / unit.length));
  return (prefix + body).slice(0, length);
}

// The audit's inputs and others that defeat regular expressions and scanners: unclosed brackets,
// tags, entities and quotes, emphasis runs, block quotes, white space, and non-ASCII text.
const adversarialUnits = [
  '[', '![', ' \n', '[a](', '<', '&#', '*_', '`', '>', '<a ', '"a ', '-', 'a ', '@a', 'http://', '\u3000', 'e\u0301', '😀', '👩‍👩‍👧', '한', '\ud800',
  // For the search analyzer and snippets: Chinese without spaces, Arabic with marks, Turkish i's.
  '充电器', 'البَط', 'İı',
];
// Starts that put the repeated unit somewhere else: after a watched word, inside a tag or an attribute, a code block.
const prefixed: [string, string][] = [
  ['free ', ' '],
  ['free', '\u3000'],
  ['<img alt="', '<a '],
  ['<p><a href="', '/'],
  ['&', '#'],
  ['```\n', '`'],
  ['<p>', '<p'],
];
const prefixes = ['', ...prefixed.map(([start]) => start)];

const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...adversarialUnits) },
  { weight: 2, arbitrary: fc.array(fc.constantFrom(...adversarialUnits), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
);
const prefix = fc.constantFrom(...prefixes);

const words: WatchedWord[] = [
  { word: 'a', action: 'censor' },
  { word: 'é', action: 'censor' },
  { word: 'free money', action: 'queue' },
  { word: 'darn', action: 'block' },
];

const helpers: [string, (input: string) => unknown][] = [
  ['htmlToText', htmlToText],
  ['excerpt', (input) => excerpt(input, 5000)],
  ['snippet', (input) => snippet(input, ['kettle', 'descaling', input.slice(0, 8)])],
  ['snippet in every script', (input) => snippet(input, ['充电器', '电动自行车', 'البطارية', 'KADIKÖY', input.slice(0, 8)])],
  ['analyzeQuery', analyzeQuery],
  ['analyzeForIndex (titles; bodies in the worker)', analyzeForIndex],
  ['foldText', foldText],
  ['findWatchedWords', (input) => findWatchedWords(input, words)],
  ['censor', (input) => censor(input, findWatchedWords(input, words))],
  ['slugify', slugify],
  ['threadSlug', threadSlug],
  ['parseSearchQuery', parseSearchQuery],
  ['similarMatch', similarMatch],
  ['containsLink', containsLink],
  ['normalizeText', normalizeText],
  ['bodyError', bodyError],
  ['titleError', titleError],
  ['characterCount', characterCount],
  ['graphemeCount', graphemeCount],
  ['mentionedNames', (input) => mentionedNames(input, 10)],
  ['absolutize', (input) => absolutize(input as SafeHtml, 'https://community.example.com')],
  ['jsonForScript', (input) => jsonForScript({ text: input })],
];

// Random inputs on top of every adversarial unit and prefixed case.
const RANDOM_RUNS = 2;

describe('text helpers take linear time on any input up to the body limit', () => {
  it('measures sizes within the body limit', () => {
    expect(LARGE).toBeLessThanOrEqual(BODY_MAX);
  });

  it.each(helpers)('%s', (_name, run) => {
    const examples: [string, string][] = [...adversarialUnits.map((value): [string, string] => ['', value]), ...prefixed];
    fc.assert(
      fc.property(prefix, unit, (start, value) => {
        const measured = growth(run, build(start, value, SMALL), build(start, value, LARGE));
        const shown = JSON.stringify(start + value.slice(0, 12));
        expect(measured.ratio, `8× the input took ${measured.ratio.toFixed(1)}× the time for ${shown}`).toBeLessThanOrEqual(RATIO_BOUND);
        expect(measured.largeMs, `${LARGE.toLocaleString('en')} characters of ${shown} took ${measured.largeMs.toFixed(1)} ms`).toBeLessThanOrEqual(BUDGET_MS);
      }),
      { examples, numRuns: examples.length + RANDOM_RUNS },
    );
  }, 300_000);
});

/*
 * The markdown worker's work on one post (render, sanitize, plain text) is not on the request
 * thread, but a new thread, reply or edit waits for it, so it is held to the same rules: linear
 * rendering, and one post's whole worker path within WORKER_BUDGET_MS of CPU time whatever it
 * contains (about 60 ms was measured for the worst of these; the rest is headroom for a busy
 * machine). Fewer random runs than above: each run renders 48,000 characters dozens of times.
 */
const WORKER_BUDGET_MS = 100;
const MARKDOWN_RANDOM_RUNS = 1;

describe('the markdown worker takes linear, bounded time on any post up to the body limit', () => {
  it('markdownToHtml', () => {
    const examples: [string, string][] = [...adversarialUnits.map((value): [string, string] => ['', value]), ...prefixed];
    fc.assert(
      fc.property(prefix, unit, (start, value) => {
        const measured = growth(markdownToHtml, build(start, value, SMALL), build(start, value, LARGE));
        const shown = JSON.stringify(start + value.slice(0, 12));
        expect(measured.ratio, `8× the input took ${measured.ratio.toFixed(1)}× the time for ${shown}`).toBeLessThanOrEqual(RATIO_BOUND);
        expect(measured.largeMs, `${LARGE.toLocaleString('en')} characters of ${shown} took ${measured.largeMs.toFixed(1)} ms`).toBeLessThanOrEqual(BUDGET_MS);
      }),
      { examples, numRuns: examples.length + MARKDOWN_RANDOM_RUNS },
    );
  }, 300_000);

  // As in the markdown worker (src/markdown/worker.ts).
  holdNodeIteratorsStrongly();
  const sanitize = createSanitizer(new JSDOM('').window);
  const workerPath = (markdown: string) => [htmlToText(sanitize(markdownToHtml(markdown))), analyzeForIndex(markdown)];

  const cut = (post: string) => post.slice(0, BODY_MAX);
  /** `unit` repeated `count` times, cut to the body limit. */
  const times = (unit: string, count: number) => cut(unit.repeat(count));
  // Just under the element cap, every element as costly to sanitize as can be.
  const underCap = MAX_ELEMENTS - 2;
  const deepQuote = `${'>'.repeat(20)} a\n\n`;
  const posts: [string, string][] = [
    ...[...adversarialUnits.map((value) => build('', value, LARGE)), ...prefixed.map(([start, value]) => build(start, value, LARGE))].map(
      (post): [string, string] => [JSON.stringify(post.slice(0, 12)), post],
    ),
    ['glued mentions after underscores', times('_@abc', 10_000)],
    ['a list item with thousands of lazy lines', cut(`- a\n${'b\n'.repeat(25_000)}`)],
    ['a list item with thousands of indented lines', cut(`- a\n${'  b\n'.repeat(12_500)}`)],
    ['twenty nested lists holding one long line', cut(`${'- '.repeat(20)}${'a '.repeat(25_000)}`)],
    ['twenty nested quotes holding one long line', cut(`${'> '.repeat(20)}${'a '.repeat(25_000)}`)],
    ['links up to the element cap', times('[a](/a) ', underCap)],
    ['long links up to the element cap', times('[a](https://example.com/a) ', underCap)],
    ['mentions up to the element cap', times('@abc ', underCap)],
    ['images up to the element cap', times('![a](/a.png) ', underCap)],
    ['autolinks up to the element cap', times('<https://a.example> ', underCap)],
    ['line breaks up to the element cap', times('a\n', underCap)],
    ['emphasis up to the element cap', times('*a* ', underCap)],
    ['list items up to the element cap', times('- a\n', underCap / 2)],
    ['deep quotes up to the element cap', times(deepQuote, Math.floor(underCap / 21))],
    ['a wide table up to the element cap', `|${'a|'.repeat(50)}\n|${'-|'.repeat(50)}\n${`|${'b|'.repeat(50)}\n`.repeat(Math.floor(underCap / 51) - 2)}`],
    ['a narrow table up to the element cap', `|a|b|\n|-|-|\n${'|b|c|\n'.repeat(Math.floor(underCap / 3) - 2)}`],
    ['list items over the element cap', times('- a\n', 12_500)],
    ['paragraphs over the element cap', times('a\n\n', 16_666)],
    ['escaped text over the element cap', times('a < b & [c](/c) ', 3_125)],
    ['Chinese without a space', cut('我的电动自行车充电器坏了，电池续航怎么样？'.repeat(2_500))],
    ['Arabic with every mark', cut('البَطَّارِيَّةُ وَالشّاحِنُ '.repeat(2_000))],
  ];

  it('bounds every post to sizes within the body limit', () => {
    for (const [, post] of posts) expect(post.length).toBeLessThanOrEqual(BODY_MAX);
  });

  /** The fastest of up to ATTEMPTS × REPEATS runs, after one to warm up (the worker is long-lived). */
  function fastestWorkerPath(post: string): number {
    workerPath(post);
    let best = Infinity;
    for (let attempt = 0; attempt < ATTEMPTS && best > WORKER_BUDGET_MS; attempt++) {
      best = Math.min(best, ...fastestBatches(workerPath, [post], 1));
    }
    return best;
  }

  it.each(posts)('renders, sanitizes and reads the text of %s in bounded time', (_name, post) => {
    const ms = fastestWorkerPath(post);
    expect(ms, `the worker path took ${ms.toFixed(1)} ms`).toBeLessThanOrEqual(WORKER_BUDGET_MS);
  });
});
