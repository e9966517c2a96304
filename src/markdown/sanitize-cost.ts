import type { Token, Tokens } from 'marked';

/*
 * What sanitizing a post will cost, read off its tokens before they become HTML. DOMPurify on
 * jsdom spends 25–50 µs on each element (links and images most: their URL is checked and `rel`
 * set). The HTML parser appends text one run of spaces or non-spaces at a time, and jsdom visits
 * every ancestor of the node at each append (and each inserted element): 50,000 characters of
 * `a a a…` took ~47 ms in a paragraph, ~74 ms six lists deep, seconds' worth of ancestors twenty
 * deep. A post over either bound is shown as preformatted text instead (render.ts); ordinary posts
 * stay well below both.
 */

/** Elements a post may produce, links and images counting twice (50k characters can make 40k). */
export const MAX_ELEMENTS = 1300;
/** Runs of text (and elements, ELEMENT_RUNS each) times the number of elements around them. */
export const MAX_NESTED_RUNS = 450_000;

// An element counts as this many runs of text at its depth.
const ELEMENT_RUNS = 40;
// Token types that produce text rather than elements (tags are shown as text here).
const TEXTUAL = new Set(['text', 'escape', 'space', 'def', 'html', 'checkbox']);
const LINKS = new Set(['link', 'image', 'mention']);
// A table cell sits in table, thead or tbody, tr and th or td.
const CELL_DEPTH = 4;

// The HTML parser's white space: runs of it and of everything else alternate.
const isSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/** How many runs of white space and of other characters `text` has. */
function runsOf(text: string): number {
  let runs = 0;
  let space: boolean | undefined;
  for (let index = 0; index < text.length; index++) {
    const current = isSpace(text.charCodeAt(index));
    if (current !== space) runs += 1;
    space = current;
  }
  return runs;
}

type Cost = { elements: number; nestedRuns: number };

function addTable(table: Tokens.Table, depth: number, cost: Cost): void {
  cost.elements += (table.rows.length + 1) * (table.header.length + 1);
  for (const cell of [...table.header, ...table.rows.flat()]) add(cell.tokens, depth + CELL_DEPTH, cost);
}

function add(tokens: Token[], depth: number, cost: Cost): void {
  for (const token of tokens) {
    if (token.type === 'table') {
      addTable(token as Tokens.Table, depth, cost);
      continue;
    }
    const textual = TEXTUAL.has(token.type);
    if (!textual) {
      cost.elements += LINKS.has(token.type) ? 2 : 1;
      cost.nestedRuns += ELEMENT_RUNS * depth;
    }
    const children: Token[] | undefined = token.type === 'list' ? (token as Tokens.List).items : (token as Tokens.Generic).tokens;
    if (children?.length) add(children, textual ? depth : depth + 1, cost);
    else cost.nestedRuns += runsOf(token.raw) * (textual ? depth : depth + 1);
  }
}

/** Whether sanitizing these tokens' HTML would take too long (see above). */
export function tooCostlyToSanitize(tokens: Token[]): boolean {
  const cost: Cost = { elements: 0, nestedRuns: 0 };
  add(tokens, 1, cost);
  return cost.elements > MAX_ELEMENTS || cost.nestedRuns > MAX_NESTED_RUNS;
}
