import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { shippedLocales } from '../i18n/catalog.js';
import { localeFormat } from '../i18n/translator.js';

// embed.js is loaded on every page of a brand's help center, so it is served without its
// comments and indentation (the source in static/ keeps them). Our own file only: whole-line
// comments and leading whitespace go, nothing inside a line is touched, so no string can break.

export function compactScript(source: string): string {
  const kept: string[] = [];
  let inBlockComment = false;
  for (const line of source.split('\n')) {
    const text = line.trim();
    if (inBlockComment) {
      inBlockComment = !text.endsWith('*/');
      continue;
    }
    if (text.startsWith('/*')) {
      inBlockComment = !text.endsWith('*/');
      continue;
    }
    if (text === '' || text.startsWith('//')) continue;
    kept.push(text);
  }
  return `${kept.join('\n')}\n`;
}

export type LoaderAsset = { body: string; etag: string };

/** The words embed.js writes on host pages itself, per locale: the frame's title, the link left when a frame fails. */
export type LoaderWords = Record<string, [frameTitle: string, openInCommunity: string]>;

function catalogWords(): LoaderWords {
  return Object.fromEntries(
    shippedLocales.map((tag) => {
      const format = localeFormat(tag, 'UTC');
      return [tag, [format.t('embed.frameTitle'), format.t('embed.openInCommunity')]];
    }),
  );
}

/**
 * Puts the catalog's words in every shipped language, and the community's default language, into
 * the script's `var WORDS = …;` and `var DEFAULT_LOCALE = …;` lines: the host page's language is
 * only known in the browser, and the script is one cached file for every page.
 */
export function withLanguages(source: string, words: LoaderWords, defaultLocale: string): string {
  const settings: [RegExp, string][] = [
    [/^(\s*var WORDS = ).*;$/m, JSON.stringify(words)],
    [/^(\s*var DEFAULT_LOCALE = ).*;$/m, JSON.stringify(defaultLocale)],
  ];
  return settings.reduce((script, [line, value]) => {
    if (!line.test(script)) throw new Error(`embed.js has no line matching ${line}`);
    return script.replace(line, (_match, start: string) => `${start}${value};`);
  }, source);
}

/** embed.js for a community default language, built once per language (the catalog is fixed while the process runs). */
export function embedLoader(path: string): (defaultLocale: string) => LoaderAsset {
  const source = readFileSync(path, 'utf8');
  const words = catalogWords();
  const built = new Map<string, LoaderAsset>();
  return (defaultLocale) => {
    let asset = built.get(defaultLocale);
    if (!asset) {
      const body = compactScript(withLanguages(source, words, defaultLocale));
      asset = { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
      built.set(defaultLocale, asset);
    }
    return asset;
  };
}
