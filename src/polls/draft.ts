import type { PollKind, PollResultsShown } from '../db/schema.js';
import { pollResultsShown } from '../db/schema.js';
import { msg } from '../i18n/message.js';
import { normalizeText } from '../forum/validation.js';
import { assertValid, type ErrorText } from '../lib/errors.js';
import { endOfDay } from './closing-date.js';

// A poll as its author fills it in (the composer's fieldset, the "Add a poll" page), checked into
// what is stored. Field names are the form's, so errors land beside the right inputs.

export const QUESTION_MAX = 200;
export const OPTION_MAX = 100;
export const OPTIONS_MIN = 2;
export const OPTIONS_MAX = 20;

/** The form's fields, as strings (absent fields are empty). */
export type PollForm = {
  pollQuestion?: string | undefined;
  pollKind?: string | undefined;
  /** One option a line; ignored for the generated kinds. */
  pollOptions?: string | undefined;
  /** `1` for single choice, else how many a voter may pick. */
  pollMaxChoices?: string | undefined;
  pollResults?: string | undefined;
  /** `1`: voters' names shown beside the results. */
  pollPublic?: string | undefined;
  /** `YYYY-MM-DD`: closes at the end of that day in the author's time zone; empty: open until closed by hand. */
  pollClosesOn?: string | undefined;
};

export type PollDraft = {
  question: string;
  kind: PollKind;
  options: string[];
  maxChoices: number;
  resultsShown: PollResultsShown;
  publicVotes: boolean;
  closesAt: number | null;
};

/** The options of the generated kinds: a 1–5 scale, and 0–10 for "How likely are you to recommend…". */
export function generatedOptions(kind: PollKind): string[] | null {
  if (kind === 'scale') return ['1', '2', '3', '4', '5'];
  if (kind === 'nps') return Array.from({ length: 11 }, (_, score) => String(score));
  return null;
}

/** Whether the form has anything of a poll in it (the composer's fieldset is optional). */
export function hasPoll(form: PollForm): boolean {
  return (form.pollQuestion ?? '').trim() !== '' || (form.pollOptions ?? '').trim() !== '';
}

function optionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function optionsError(options: string[]): ErrorText | undefined {
  if (options.length < OPTIONS_MIN || options.length > OPTIONS_MAX) return msg('poll.optionsCount', { min: OPTIONS_MIN, max: OPTIONS_MAX });
  if (options.some((option) => [...option].length > OPTION_MAX)) return msg('poll.optionTooLong', { max: OPTION_MAX });
  const distinct = new Set(options.map((option) => option.toLocaleLowerCase()));
  if (distinct.size !== options.length) return msg('poll.optionsRepeated');
  return undefined;
}

function maxChoicesOf(value: string | undefined, optionCount: number): number | ErrorText {
  const text = (value ?? '1').trim() || '1';
  if (!/^[0-9]{1,2}$/.test(text)) return msg('poll.maxChoicesRange', { max: Math.max(optionCount, 2) });
  const max = Number(text);
  if (max === 1) return 1;
  if (max < 2 || max > optionCount) return msg('poll.maxChoicesRange', { max: Math.max(optionCount, 2) });
  return max;
}

function closingOf(value: string | undefined, timeZone: string, now: number): number | null | ErrorText {
  const text = (value ?? '').trim();
  if (text === '') return null;
  const at = endOfDay(text, timeZone);
  if (at === null) return msg('poll.closingDateInvalid');
  if (at <= now) return msg('poll.closingDatePast');
  return at;
}

function kindOf(value: string | undefined): PollKind {
  return value === 'scale' || value === 'nps' ? value : 'choice';
}

/** The checked poll, or a ValidationError naming each field that needs changing. */
export function validatePoll(form: PollForm, context: { timeZone: string; now: number }): PollDraft {
  const question = normalizeText(form.pollQuestion ?? '').trim();
  const kind = kindOf(form.pollKind);
  const options = generatedOptions(kind) ?? optionLines(normalizeText(form.pollOptions ?? ''));
  const maxChoices = kind === 'choice' ? maxChoicesOf(form.pollMaxChoices, options.length) : 1;
  const closesAt = closingOf(form.pollClosesOn, context.timeZone, context.now);
  const resultsShown = (pollResultsShown as readonly string[]).includes(form.pollResults ?? '') ? (form.pollResults as PollResultsShown) : 'always';
  assertValid({
    pollQuestion: question === '' ? msg('poll.questionMissing') : [...question].length > QUESTION_MAX ? msg('poll.questionTooLong', { max: QUESTION_MAX }) : undefined,
    pollOptions: optionsError(options),
    pollMaxChoices: typeof maxChoices === 'number' ? undefined : maxChoices,
    pollClosesOn: typeof closesAt === 'number' || closesAt === null ? undefined : closesAt,
  });
  return { question, kind, options, maxChoices: maxChoices as number, resultsShown, publicVotes: form.pollPublic === '1', closesAt: closesAt as number | null };
}
