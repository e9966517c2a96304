import type { I18n, LocaleFormat } from '../src/i18n/translator.js';
import type { Html } from './html.js';

/*
 * Small pieces of a signed-in page that each viewer gets again and again (their header links,
 * their watch form, an empty reply form) cost several microseconds each to render, on every
 * view. Each is a pure function of the language and a few values, so its markup is kept per
 * language under a key made of those values; the bound only caps memory.
 */

const KEPT_MAX = 10_000;

export type KeptMarkup = WeakMap<LocaleFormat, Map<string, Html>>;

/** `render()`'s markup for this language and `key`, which must name every value it depends on. */
export function kept(store: KeptMarkup, i18n: I18n, key: string, render: () => Html): Html {
  let markup = store.get(i18n.format);
  if (markup === undefined) store.set(i18n.format, (markup = new Map()));
  let found = markup.get(key);
  if (found === undefined) {
    found = render();
    if (markup.size >= KEPT_MAX) markup.clear();
    markup.set(key, found);
  }
  return found;
}
