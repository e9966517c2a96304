import { contrastRatio, parseCssColor } from '../lib/contrast.js';

// The picture beside a member's name when they uploaded none: their initials on the brand colour,
// drawn here as SVG (no third-party avatar service learns who reads which page).

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// Where a name's words part: spaces and the punctuation usernames use.
const WORD_BREAK = /[\s_.\-·・]+/u;
const STARTS_LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** The first grapheme of a word that begins with a letter or digit, else the word's first grapheme. */
function firstGrapheme(word: string): string {
  const graphemes = segmenter.segment(word);
  for (const { segment } of graphemes) {
    if (STARTS_LETTER_OR_DIGIT.test(segment)) return segment;
  }
  return segmenter.segment(word)[Symbol.iterator]().next().value?.segment ?? '';
}

/**
 * One or two initials: the first letters of the first and last words ("Ada Lovelace" → "AL"),
 * whole graphemes in any script ("Ömer" → "Ö", "王小明" → "王", "ليلى" → "ل"), upper-cased where the
 * script has case. Names are at most 50 characters, so segmenting them costs little.
 */
export function initialsOf(name: string): string {
  const words = name.normalize('NFC').trim().split(WORD_BREAK).filter((word) => word.length > 0);
  if (words.length === 0) return '?';
  const first = firstGrapheme(words[0]!);
  const last = words.length > 1 ? firstGrapheme(words.at(-1)!) : '';
  return `${first}${last}`.toLocaleUpperCase();
}

const WHITE = { red: 255, green: 255, blue: 255 };
const INK = { red: 17, green: 24, blue: 39 };

/** White on the brand colour when it reads well enough, else dark ink: whichever contrasts more. */
export function initialsColor(brandColor: string): string {
  const background = parseCssColor(brandColor);
  if (!background) return '#ffffff';
  return contrastRatio(background, WHITE) >= contrastRatio(background, INK) ? '#ffffff' : '#111827';
}

/** A cheap, stable version for the avatar's URL: it changes when the name it is drawn from does. */
export function nameVersion(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

export type AvatarSource = { username: string; displayName: string | null; avatarHash: string | null; avatarExt: string | null };

/** Where a member's picture is: their upload, else their generated initials (versioned by the name they are drawn from). */
export function avatarUrl(source: AvatarSource): string {
  if (source.avatarHash && source.avatarExt) return `/uploads/${source.avatarHash}.${source.avatarExt}`;
  return `/u/${encodeURIComponent(source.username)}/avatar.svg?v=${nameVersion(source.displayName ?? '')}`;
}
