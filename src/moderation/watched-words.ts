import { perDatabase } from '../db/prepared.js';
import { asc } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { watchedWords, type WatchedWordAction } from '../db/schema.js';
import { graphemeCount, isMark } from '../lib/text.js';

// Whole-word matching that ignores case and accents: "bet" matches "Bet" and "bét" but not
// "better" or "alphabet". Text is folded one code point at a time so a match can be mapped back
// to the original characters (censoring masks exactly what was written).

export type WatchedWord = { word: string; action: WatchedWordAction };
export type WatchedMatch = { word: string; action: WatchedWordAction; start: number; end: number };

export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

type Folded = { text: string; origin: number[] };

/** foldText() of one character, without a regular expression per call. */
function foldCharacter(char: string): string {
  const code = char.charCodeAt(0);
  // ASCII folds to itself, lower-cased.
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  let kept = '';
  for (const part of char.normalize('NFKD')) if (!isMark(part.codePointAt(0)!)) kept += part;
  return kept.toLowerCase();
}

/** The folded text plus, for each folded UTF-16 unit, the index of the original character it came from. */
function foldWithMap(text: string): Folded {
  const parts: string[] = [];
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const part = foldCharacter(char);
    parts.push(part);
    for (let i = 0; i < part.length; i++) origin.push(index);
    index += char.length;
  }
  origin.push(index);
  return { text: parts.join(''), origin };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every whole-word occurrence of every watched word, with positions in the original text. */
export function findWatchedWords(text: string, words: WatchedWord[]): WatchedMatch[] {
  if (words.length === 0 || text.length === 0) return [];
  const folded = foldWithMap(text);
  const matches: WatchedMatch[] = [];
  for (const { word, action } of words) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(foldText(word)).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_])`, 'gu');
    for (const match of folded.text.matchAll(pattern)) {
      const start = folded.origin[match.index] ?? 0;
      const endUnit = match.index + match[0].length;
      const end = endUnit < folded.origin.length - 1 ? (folded.origin[endUnit] ?? text.length) : text.length;
      matches.push({ word, action, start, end });
    }
  }
  return matches;
}

/**
 * Masks censored words with one ■ per visible character, leaving the rest of the text as written.
 * One pass from the start, overlapping matches merged: splicing each match into the whole text
 * cost a copy of the text per match, quadratic for a post of many short censored words.
 */
export function censor(text: string, matches: WatchedMatch[]): string {
  const ranges = matches.filter((match) => match.action === 'censor').sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let copied = 0;
  let index = 0;
  while (index < ranges.length) {
    const start = ranges[index]!.start;
    let end = ranges[index]!.end;
    for (index++; index < ranges.length && ranges[index]!.start < end; index++) end = Math.max(end, ranges[index]!.end);
    parts.push(text.slice(copied, start), '■'.repeat(graphemeCount(text.slice(start, end))));
    copied = end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

// Read by every new post and title: prepared once per database.
const watchedWordsQuery = perDatabase((db) => db.select({ word: watchedWords.word, action: watchedWords.action }).from(watchedWords).orderBy(asc(watchedWords.word)).prepare());

export function loadWatchedWords(db: Db): WatchedWord[] {
  return watchedWordsQuery(db).all();
}
