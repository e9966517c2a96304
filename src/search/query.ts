// User input never reaches FTS5 syntax: every word becomes a quoted term (inner quotes doubled),
// so AND, NEAR(, c++, -x and stray quotes are just text. Deliberately supported: "exact phrases"
// and a trailing * for prefix search.

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

export function parseSearchQuery(input: string): ParsedQuery {
  const text = input.normalize('NFKC').replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, MAX_QUERY_LENGTH);
  const parts: string[] = [];
  const terms: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    if (parts.length >= MAX_TERMS) break;
    const phrase = match[1];
    if (phrase !== undefined) {
      if (!hasToken(phrase)) continue;
      parts.push(quote(phrase.trim()));
      terms.push(...phrase.trim().split(/\s+/));
      continue;
    }
    const word = match[2] ?? '';
    const prefix = word.length > 1 && word.endsWith('*');
    const bare = (prefix ? word.slice(0, -1) : word).replace(/"/g, '');
    if (!hasToken(bare)) continue;
    parts.push(prefix ? `${quote(bare)}*` : quote(bare));
    terms.push(bare);
  }
  return parts.length === 0 ? null : { match: parts.join(' '), terms };
}
