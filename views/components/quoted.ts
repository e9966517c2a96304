import { html, type Html } from '../html.js';

// Words a member or a manager wrote (a reason, a note), quoted inside interface text. The quotes
// and the words are one isolated run, so an Arabic reason in an English sentence (or the
// reverse) keeps its own direction without moving the punctuation around it.

/** “words”, isolated. */
export function quoted(text: string): Html {
  return html`<bdi>“${text}”</bdi>`;
}

/** Ends a sentence already: . ! ? … (also the full-width ones), or a closing quote (as src/lib/quote.ts). */
const endsSentence = /[.!?…。！？"”’»]$/u;

/**
 * For words quoted at the end of a sentence: the message adds its own full stop when `ended` is
 * `no` (`{ended, select, yes {} other {.}}`), so a reason that ends with its own punctuation is
 * not followed by a second one, and each language ends the sentence with its own mark.
 */
export function quotedAtEnd(text: string): { reason: Html; ended: 'yes' | 'no' } {
  const trimmed = text.trim();
  return { reason: quoted(trimmed), ended: endsSentence.test(trimmed) ? 'yes' : 'no' };
}
