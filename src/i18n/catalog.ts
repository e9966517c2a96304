import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../lib/paths.js';
import type en from '../locales/en.json';

// One JSON file per locale in src/locales/, named by its BCP 47 tag (en.json, zh-Hans.json): a flat
// object of message keys and ICU MessageFormat strings. English is the reference: its keys are the
// type of every key in the code, and a test holds every other file to the same keys. Adding a
// language is adding a file; its direction and its name in its own language come from Intl.

export type MessageKey = keyof typeof en;

export const SOURCE_LOCALE = 'en';

const folder = projectPath('src/locales');

export type CatalogMessages = Readonly<Record<string, string>>;

function readCatalog(tag: string): CatalogMessages {
  return JSON.parse(readFileSync(join(folder, `${tag}.json`), 'utf8')) as CatalogMessages;
}

/** The shipped locales, English first, then by tag. */
export const shippedLocales: readonly string[] = readdirSync(folder)
  .filter((name) => name.endsWith('.json'))
  .map((name) => name.slice(0, -'.json'.length))
  .sort((a, b) => (a === SOURCE_LOCALE ? -1 : b === SOURCE_LOCALE ? 1 : a.localeCompare(b)));

const catalogs = new Map<string, CatalogMessages>(shippedLocales.map((tag) => [tag, readCatalog(tag)]));

/** A shipped locale's messages (each file is read once, when the process starts). */
export function catalogFor(tag: string): CatalogMessages {
  const catalog = catalogs.get(tag);
  if (!catalog) throw new Error(`No messages for locale ${tag}`);
  return catalog;
}

type TextInfoLocale = Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };

/** Right to left for Arabic, Hebrew, Persian…: what the locale's script says. */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(tag) as TextInfoLocale;
  const info = locale.getTextInfo?.() ?? locale.textInfo;
  return info?.direction === 'rtl' ? 'rtl' : 'ltr';
}

/** The language's own name for itself (English, 简体中文, العربية, Türkçe), for the language picker. */
export function nativeName(tag: string): string {
  const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
}
