import { analyzeQuery } from './analyzer.js';

// User input never reaches FTS5 syntax: every word becomes a quoted term (inner quotes doubled),
// so AND, NEAR(, c++, -x and stray quotes are just text. Deliberately supported: "exact phrases"
// and a trailing * for prefix search.
//
// Each word or phrase goes through the search analyzer (ADR 0029), like the text it is looked for
// in: a word it cuts into several (电动自行车 → 电动 自行车) is a phrase of them, which the quotes
// make it. Posts not analyzed yet (rendered before the analyzer; rebake reaches them) hold their
// text as written, so when analysis changed the query, the query as written is tried too.

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

export type ParsedQuery = { match: string; terms: string[] } | null;

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Words that would produce no token (punctuation only) are dropped: FTS5 rejects an empty phrase. */
function hasToken(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

type Part = { written: string; analyzed: string; prefix: boolean };

function part(text: string, prefix: boolean): Part | null {
  const analyzed = analyzeQuery(text).trim();
  return hasToken(text) && hasToken(analyzed) ? { written: text, analyzed, prefix } : null;
}

function matchOf(parts: Part[], form: 'written' | 'analyzed'): string {
  return parts.map((value) => `${quote(value[form])}${value.prefix ? '*' : ''}`).join(' ');
}

export function parseSearchQuery(input: string): ParsedQuery {
  const text = input.normalize('NFKC').replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_QUERY_LENGTH);
  const parts: Part[] = [];
  const terms: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (parts.length >= MAX_TERMS) break;
    const phrase = match[1];
    if (phrase !== undefined) {
      const found = part(phrase.trim(), false);
      if (!found) continue;
      parts.push(found);
      terms.push(...found.written.split(/\s+/));
      continue;
    }
    const word = match[2] ?? '';
    const prefix = word.length > 1 && word.endsWith('*');
    const found = part((prefix ? word.slice(0, -1) : word).replace(/"/g, ''), prefix);
    if (!found) continue;
    parts.push(found);
    terms.push(found.written);
  }
  if (parts.length === 0) return null;
  const analyzed = matchOf(parts, 'analyzed');
  const written = matchOf(parts, 'written');
  return { match: analyzed === written ? analyzed : `(${analyzed}) OR (${written})`, terms };
}
