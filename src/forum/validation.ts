import { msg, type Message } from '../i18n/message.js';
import { characterCount } from '../lib/text.js';


export const TITLE_MIN = 5;
export const TITLE_MAX = 150;
export const BODY_MAX = 50_000;

const length = characterCount;

export function normalizeText(value: unknown): string {
  return typeof value === 'string' ? value.normalize('NFC').replace(/\r\n?/g, '\n') : '';
}

// Control characters (other than line breaks in bodies), lone surrogates and bidirectional
// overrides make text that displays differently from what it is.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const bidiOverrides = /[\u202a-\u202e\u2066-\u2069]/;
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// A form cannot carry a lone surrogate: browsers send U+FFFD instead, and the form parser decodes
// invalid UTF-8 (a surrogate's bytes included) to U+FFFD. In a title it is almost always a broken character.
const replacementCharacter = /\ufffd/;

export function titleError(title: string): Message | undefined {
  const trimmed = title.trim();
  if (trimmed.length === 0) return msg('validation.titleMissing');
  if (controlCharacters.test(trimmed) || /\n/.test(trimmed) || loneSurrogate.test(trimmed) || bidiOverrides.test(trimmed)) {
    return msg('validation.titleControlCharacters');
  }
  if (replacementCharacter.test(trimmed)) return msg('validation.titleUnreadable');
  if (length(trimmed) < TITLE_MIN) return msg('validation.titleTooShort', { min: TITLE_MIN });
  if (length(trimmed) > TITLE_MAX) return msg('validation.titleTooLong', { max: TITLE_MAX, length: length(trimmed) });
  return undefined;
}

export function bodyError(body: string): Message | undefined {
  if (body.trim().length === 0) return msg('validation.bodyMissing');
  if (controlCharacters.test(body) || loneSurrogate.test(body)) return msg('validation.bodyControlCharacters');
  if (length(body) > BODY_MAX) return msg('validation.bodyTooLong', { max: BODY_MAX, length: length(body) });
  return undefined;
}
