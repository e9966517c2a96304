import { raw } from 'hono/html';
import type { MessageKey } from '../src/i18n/catalog.js';
import type { I18n, MessageValue } from '../src/i18n/translator.js';
import { escapeText, type Html } from './html.js';

// Messages with markup in them ("New here? <signup>Create an account</signup> to ask…"): the
// translation decides where the link goes, the view decides what the link is. Text from the
// catalog and from values is escaped; only what a tag function returns (Html) is kept as markup.

export type RichValues = Record<string, MessageValue | Html | ((chunks: Html) => Html)>;


function isHtml(value: unknown): value is Html {
  return value instanceof String && (value as { isEscaped?: boolean }).isEscaped === true;
}

function join(parts: unknown[]): Html {
  let markup = '';
  for (const part of parts) markup += isHtml(part) ? part.toString() : escapeText(String(part ?? ''));
  return raw(markup);
}

/** A message with tags and values as markup; plain messages need only `${i18n.t(key)}`. */
export function rich(i18n: I18n, key: MessageKey, values: RichValues): Html {
  const wrapped: Record<string, MessageValue> = {};
  for (const [name, value] of Object.entries(values)) {
    wrapped[name] = typeof value === 'function' ? (chunks: unknown[]) => (value as (chunks: Html) => Html)(join(chunks)) : value;
  }
  return join(i18n.parts(key, wrapped));
}
