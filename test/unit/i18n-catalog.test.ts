import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { catalogFor, shippedLocales, SOURCE_LOCALE } from '../../src/i18n/catalog.js';
import { projectPath } from '../../src/lib/paths.js';
import { untranslatedErrorTexts, untranslatedLiterals } from '../helpers/view-literals.js';

const english = catalogFor(SOURCE_LOCALE);
const others = shippedLocales.filter((tag) => tag !== SOURCE_LOCALE);

/** Argument and tag names a message uses, at any depth (plural and select branches included). */
function names(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    into.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
    if (element.type === TYPE.tag) names(element.children, into);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) names(option.value, into);
    }
  }
  return into;
}

describe('message catalogs', () => {
  it('ships English, Simplified Chinese, Arabic and Turkish', () => {
    expect([...shippedLocales].sort()).toEqual(['ar', 'en', 'tr', 'zh-Hans']);
  });

  it.each(others)('%s has every key English has, and no others', (tag) => {
    const keys = Object.keys(catalogFor(tag));
    const missing = Object.keys(english).filter((key) => !keys.includes(key));
    const extra = keys.filter((key) => !(key in english));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it.each(shippedLocales)('every %s message parses as ICU MessageFormat', (tag) => {
    const failures = Object.entries(catalogFor(tag)).flatMap(([key, message]) => {
      try {
        parse(message);
        return [];
      } catch (error) {
        return [`${key}: ${(error as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });

  it.each(others)('%s messages use the same arguments and tags as English', (tag) => {
    const catalog = catalogFor(tag);
    const differ = Object.entries(english).flatMap(([key, message]) => {
      const translated = catalog[key];
      if (translated === undefined) return [];
      const want = [...names(parse(message))].sort();
      const got = [...names(parse(translated))].sort();
      return JSON.stringify(want) === JSON.stringify(got) ? [] : [`${key}: ${got.join(',')} instead of ${want.join(',')}`];
    });
    expect(differ).toEqual([]);
  });

  it.each(others)('%s is translated, not copied: at most a few messages equal their English', (tag) => {
    const catalog = catalogFor(tag);
    // Names and symbols read the same in every language (e.g. "{site} · Hearth").
    const same = Object.entries(english).filter(([key, message]) => catalog[key] === message && /\p{L}{3,}/u.test(message.replace(/\{[^}]*\}|Hearth|Markdown|CSV|API|URL|Atom|RSS/g, '')));
    expect(same.map(([key]) => key)).toEqual([]);
  });
});

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('views', () => {
  it('contain no untranslated text: every word a person reads comes from the catalog', () => {
    const root = projectPath('.');
    const found = sourceFiles(projectPath('views')).flatMap((path) =>
      untranslatedLiterals(readFileSync(path, 'utf8')).map((literal) => `${relative(root, path)}:${literal.line}: ${literal.text}`),
    );
    expect(found).toEqual([]);
  });
});

describe('services and routes', () => {
  // The command line speaks English to operators; the demo's words are content, not interface.
  const english = new Set(['src/cli.ts']);

  it('raise errors with catalog messages, not text written in the code', () => {
    const root = projectPath('.');
    const found = sourceFiles(projectPath('src'))
      .filter((path) => !english.has(relative(root, path)) && !relative(root, path).startsWith('src/demo/'))
      .flatMap((path) => untranslatedErrorTexts(readFileSync(path, 'utf8')).map((literal) => `${relative(root, path)}:${literal.line}: ${literal.text}`));
    expect(found).toEqual([]);
  });
});
