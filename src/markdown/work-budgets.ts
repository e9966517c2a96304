import { MAX_ELEMENTS } from './sanitize-cost.js';

/*
 * The per-post work budgets of the markdown renderer (render.ts), each for a rule of marked whose
 * cost could otherwise grow faster than the post. marked lexes synchronously, so one render's
 * state can live here; startRender resets it. Ordinary posts use a tiny fraction of each.
 */

/** Blockquotes and lists nested deeper than this are left as plain text. */
const MAX_NESTING = 20;

/*
 * Characters scanned by the inline rules whose cost in marked grows with the square of the input:
 * an emphasis/strikethrough opener whose closer is far away or missing scans the rest of the
 * paragraph (`*a*a*a…`, `_*a_*a…` take seconds at 50k characters). Once a post has used it up,
 * remaining delimiters are shown literally.
 */
const DELIMITER_BUDGET = 2_000_000;
// Characters of href/title copied into `[ref]` uses: a long URL defined once can be used 10,000 times.
const REFERENCE_BUDGET = 500_000;
// Characters of list lexing beyond reading the list once (see list-cost.ts).
const LIST_BUDGET = 5_000_000;

let depth = 0;
let delimiterBudget = 0;
let referenceBudget = 0;
let listBudget = 0;
let elementsLeft = 0;

export function startRender(): void {
  depth = 0;
  delimiterBudget = DELIMITER_BUDGET;
  referenceBudget = REFERENCE_BUDGET;
  listBudget = LIST_BUDGET;
  elementsLeft = MAX_ELEMENTS;
}

/** Runs a block rule one level deeper, or gives up (undefined) beyond MAX_NESTING. */
export function nested<T>(run: () => T | undefined): T | undefined {
  if (depth >= MAX_NESTING) return undefined;
  depth += 1;
  try {
    return run();
  } finally {
    depth -= 1;
  }
}

/*
 * What a scan cost is read off the closer regex marked scans with: it sets lastIndex to 0, and exec
 * leaves it after the last candidate examined (or at 0 again when it ran off the end). Openers that
 * fail their cheap checks never touch it and cost nothing. A found token costs its own length.
 */
const NOT_SCANNED = 2 ** 31;
export function budgeted<T extends { raw: string }>(src: string, closer: RegExp, run: () => T | undefined): T | undefined {
  if (delimiterBudget <= 0) return undefined;
  closer.lastIndex = NOT_SCANNED;
  const token = run();
  const scanned = closer.lastIndex;
  if (token) delimiterBudget -= token.raw.length;
  else if (scanned !== NOT_SCANNED) delimiterBudget -= scanned === 0 ? src.length : scanned;
  return token;
}

export const referencesLeft = (): boolean => referenceBudget > 0;
export function chargeReference(characters: number): void {
  referenceBudget -= characters;
}

/** The list budget left, and whether a list costing `cost` fits in it (then charged). */
export const listBudgetLeft = (): number => listBudget;
export function chargeList(cost: number): boolean {
  if (cost > listBudget) return false;
  listBudget -= cost;
  return true;
}

/*
 * Lexing stops as soon as a post has certainly produced more elements than it may have (every
 * paragraph, list item line, heading, link, emphasis and line break counts; see sanitize-cost.ts):
 * a post of 10,000 list items or 12,000 references would otherwise be lexed in full only to be
 * shown as text.
 */
export class TooManyElements extends Error {}
export function counted<T extends { type: string }>(token: T | undefined): T | undefined {
  if (token && token.type !== 'text' && --elementsLeft < 0) throw new TooManyElements();
  return token;
}
