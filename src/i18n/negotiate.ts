import { shippedLocales } from './catalog.js';

// Which shipped locale a tag from a cookie, a form, a member's setting, an embed attribute or an
// Accept-Language header means. Tags match on language and script, so zh, zh-CN and zh-Hans-SG
// all mean zh-Hans, while zh-TW (Traditional Chinese) matches nothing rather than the wrong script.

function languageAndScript(tag: string): string | undefined {
  try {
    const locale = new Intl.Locale(tag).maximize();
    return `${locale.language}-${locale.script ?? ''}`;
  } catch {
    return undefined;
  }
}

const byLanguageAndScript = new Map<string, string>();
for (const tag of shippedLocales) {
  const key = languageAndScript(tag);
  if (key && !byLanguageAndScript.has(key)) byLanguageAndScript.set(key, tag);
}
const exact = new Map(shippedLocales.map((tag) => [tag.toLowerCase(), tag]));
const resolved = new Map<string, string | null>();

/** The shipped locale a tag names, or undefined. */
export function supportedLocale(tag: string | null | undefined): string | undefined {
  if (!tag || tag.length > 35) return undefined;
  const lower = tag.toLowerCase();
  const known = exact.get(lower) ?? resolved.get(lower);
  if (known !== undefined) return known ?? undefined;
  const key = languageAndScript(tag);
  const match = key ? byLanguageAndScript.get(key) : undefined;
  // Bounded: only well-formed tags reach here, and the map is cleared rather than left to grow.
  if (resolved.size > 1000) resolved.clear();
  resolved.set(lower, match ?? null);
  return match;
}

/** The best shipped locale in an Accept-Language header (by q-value, then order), or undefined. */
export function fromAcceptLanguage(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const ranges = header
    .slice(0, 500)
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((param) => /^\s*q=([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { range: range.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.range !== '' && entry.range !== '*' && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { range } of ranges) {
    const match = supportedLocale(range);
    if (match) return match;
  }
  return undefined;
}
