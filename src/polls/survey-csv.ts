import { guardFormula, MemberText, toCsv } from '../insights/csv.js';
import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import { canExportPollResults } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { Forbidden, NotFound, Unauthenticated } from '../lib/errors.js';
import { signPayload } from '../lib/signing-keys.js';
import { pollThread } from './polls.js';
import { readThreadPolls } from './read.js';

// A thread's polls (a survey) as CSV for staff: one row per respondent, one column per question.
// Respondents are numbered in the order of an HMAC of their id under a key of the community's own
// (src/lib/signing-keys.ts), so the numbers follow neither sign-up nor voting order and cannot be
// traced to a member by anyone without the key; no id or name is ever written (docs/security.md).

const KEY_SETTING = 'poll_respondent_key';

const statements = perDatabase((db: Db) => ({
  votes: db.$client.prepare<[threadId: number], { userId: number; pollId: number; optionId: number }>(
    'select poll_votes.user_id as userId, poll_votes.poll_id as pollId, poll_votes.option_id as optionId from poll_votes join polls on polls.id = poll_votes.poll_id where polls.thread_id = ?',
  ),
}));

/** The survey's answers as CSV; `respondentHeading` is the first column's heading in the reader's language. */
export function surveyCsv(ctx: ServiceContext, viewer: Viewer, input: { threadId: number; respondentHeading: string }): { csv: string; threadId: number } {
  if (viewer === null) throw new Unauthenticated();
  const thread = pollThread(ctx.db, input.threadId);
  if (!thread) throw new NotFound(msg('thread.notFound'));
  if (!canExportPollResults(viewer, thread.categoryId)) throw new Forbidden(msg('poll.exportNotAllowed'));
  const polls = readThreadPolls(ctx.db, input.threadId);
  const labels = new Map(polls.flatMap((poll) => poll.options.map((option) => [option.id, option.label] as const)));
  const column = new Map(polls.map((poll, index) => [poll.id, index] as const));
  const answers = new Map<number, string[][]>();
  for (const vote of statements(ctx.db).votes.all(input.threadId)) {
    let row = answers.get(vote.userId);
    if (!row) answers.set(vote.userId, (row = polls.map(() => [])));
    row[column.get(vote.pollId)!]!.push(labels.get(vote.optionId) ?? '');
  }
  const order = [...answers.keys()].map((userId) => ({ userId, mark: signPayload(ctx.db, KEY_SETTING, `${input.threadId}:${userId}`) })).sort((a, b) => (a.mark < b.mark ? -1 : 1));
  const rows = order.map(({ userId }, index) => [index + 1, ...answers.get(userId)!.map((chosen) => new MemberText(chosen.sort().join('; ')))]);
  return { csv: toCsv([input.respondentHeading, ...polls.map((poll) => guardFormula(poll.question))], rows), threadId: thread.id };
}
