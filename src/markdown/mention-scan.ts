/*
 * Where the next `@` that may start a mention is, for the mention extension's `start` (mentions.ts).
 * marked asks at every position where plain text begins, each time about the rest of the same
 * source; reading the 256-character window afresh each time costs 256 reads per token when every
 * `@` in it is glued to a word (`_@a_@a…`). What one question learnt about the source is kept for
 * the next, so each character is read about once per source.
 */

// [A-Za-z0-9_-]: a username's characters.
function isNameCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;
}

/** Characters that make an `@` part of a word or an e-mail address rather than a mention: [A-Za-z0-9_.+\-@]. */
export function isGlued(code: number): boolean {
  return isNameCharacter(code) || code === 46 || code === 43 || code === 64;
}

export const startsName = (code: number): boolean => isNameCharacter(code);

// An `@` at `index` of `source`, not glued to the character before it, followed by a name's first character.
function startsMention(source: string, index: number): boolean {
  return (index === 0 || !isGlued(source.charCodeAt(index - 1))) && startsName(source.charCodeAt(index + 1));
}

/*
 * Known about `source` from `from` on: `next` is the first mention start at or after `from`, or
 * -1 when there is none before `checkedTo`.
 */
let known = { source: '', from: 0, checkedTo: 0, next: -1 };

/** The first index in [from, to) of `source` where an unglued `@` starts a name, or -1. */
export function nextMentionStart(source: string, from: number, to: number): number {
  if (known.source !== source || from < known.from || from > known.checkedTo) {
    known = { source, from, checkedTo: from, next: -1 };
  }
  known.from = from;
  if (known.next >= from) return known.next < to ? known.next : -1;
  if (known.next !== -1) known = { source, from, checkedTo: from, next: -1 };
  let index = source.indexOf('@', known.checkedTo);
  while (index !== -1 && index < to && !startsMention(source, index)) index = source.indexOf('@', index + 1);
  if (index !== -1 && index < to) {
    known.next = index;
    known.checkedTo = index + 1;
    return index;
  }
  known.checkedTo = index === -1 ? source.length : index;
  return -1;
}
