import type { MessageKey } from './catalog.js';
import type { MessageValues } from './translator.js';

// What services say to people, without knowing in which language: a message key and its values.
// Typed errors (src/lib/errors.ts) and field errors carry these; the route that answers puts them
// in the reader's language (I18n.message). A date is passed as a Date: the reader's time zone
// and language decide how it reads.

export type Message = { readonly key: MessageKey; readonly values?: MessageValues };

export function msg(key: MessageKey, values?: MessageValues): Message {
  return values === undefined ? { key } : { key, values };
}
