import type { Db } from '../db/client.js';
import { perDatabase } from '../db/prepared.js';
import { spreadOf } from './percentiles.js';
import type { CategoryFacts, Period, ResponseMeasures, Share, SolutionMeasures } from './types.js';

/*
 * Response times and solutions, from the facts kept on each thread (ADR 0041): one read of the
 * period's customer questions through threads_category_created_idx, then every figure (overall,
 * per category, per week) is made from those rows here. No post is read.
 */

export type QuestionRow = {
  categoryId: number;
  createdAt: number;
  firstReplyAt: number | null;
  firstStaffReplyAt: number | null;
  solvedAt: number | null;
  solvedByStaff: number;
};

const statements = perDatabase((db: Db) => ({
  questions: db.$client.prepare<{ categories: string; from: number; to: number }, QuestionRow>(
    `SELECT t.category_id AS categoryId, t.created_at AS createdAt, t.first_reply_at AS firstReplyAt,
       t.first_staff_reply_at AS firstStaffReplyAt, t.solved_at AS solvedAt, t.solved_by_staff AS solvedByStaff
     FROM json_each(@categories) AS scope
     JOIN threads t INDEXED BY threads_category_created_idx ON t.category_id = scope.value
       AND t.created_at >= @from AND t.created_at < @to
     WHERE t.status = 'published' AND t.opened_by_staff = 0`,
  ),
}));

/** The customers' questions created in the period, in the given categories. */
export function readQuestions(db: Db, categoryIds: readonly number[], period: Period): QuestionRow[] {
  return statements(db).questions.all({ categories: JSON.stringify(categoryIds), from: period.from, to: period.to });
}

/**
 * Whether a question counts toward the within-target share, and whether it made it: answered
 * questions always count (in time or late); unanswered ones count, as misses, once their target
 * moment has passed; unanswered ones still within their target are not decided yet (ADR 0042).
 */
export function targetOutcome(row: QuestionRow, targetMinutes: number, now: number): 'met' | 'missed' | 'pending' {
  const deadline = row.createdAt + targetMinutes * 60_000;
  if (row.firstReplyAt !== null) return row.firstReplyAt <= deadline ? 'met' : 'missed';
  return deadline <= now ? 'missed' : 'pending';
}

export function withinTargetShare(rows: readonly QuestionRow[], targets: ReadonlyMap<number, number>, now: number): Share {
  const share = { count: 0, of: 0 };
  for (const row of rows) {
    const outcome = targetOutcome(row, targets.get(row.categoryId) ?? 1440, now);
    if (outcome === 'pending') continue;
    share.of += 1;
    if (outcome === 'met') share.count += 1;
  }
  return share;
}

/** Time to first reply and first staff reply over the questions that got one; unanswered ones wait on the worklist instead. */
export function responseOf(rows: readonly QuestionRow[], targets: ReadonlyMap<number, number>, now: number): ResponseMeasures {
  const firstReply: number[] = [];
  const firstStaffReply: number[] = [];
  for (const row of rows) {
    if (row.firstReplyAt !== null) firstReply.push(row.firstReplyAt - row.createdAt);
    if (row.firstStaffReplyAt !== null) firstStaffReply.push(row.firstStaffReplyAt - row.createdAt);
  }
  return { questions: rows.length, firstReply: spreadOf(firstReply), firstStaffReply: spreadOf(firstStaffReply), withinTarget: withinTargetShare(rows, targets, now) };
}

/** Solutions of the questions asked in Q&A categories; null when none of `categories` is one. */
export function solutionsOf(rows: readonly QuestionRow[], categories: readonly CategoryFacts[]): SolutionMeasures | null {
  const questionCategories = new Set(categories.filter((category) => category.kind === 'questions').map((category) => category.id));
  if (questionCategories.size === 0) return null;
  const asked = rows.filter((row) => questionCategories.has(row.categoryId));
  const times: number[] = [];
  let byCustomers = 0;
  for (const row of asked) {
    if (row.solvedAt === null) continue;
    times.push(row.solvedAt - row.createdAt);
    if (row.solvedByStaff === 0) byCustomers += 1;
  }
  return { solved: { count: times.length, of: asked.length }, timeToSolution: spreadOf(times), byCustomers: { count: byCustomers, of: times.length } };
}

/** Each category's target reply time, by id. */
export function targetsOf(categories: readonly CategoryFacts[]): Map<number, number> {
  return new Map(categories.map((category) => [category.id, category.targetReplyMinutes]));
}
