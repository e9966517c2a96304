import { flagReasons } from '../db/schema.js';
import { threadPath } from '../lib/slug.js';
import { minutes, MemberText, toCsv, type Cell } from './csv.js';
import { dayText } from './period.js';
import type { Insights, Share, Spread } from './types.js';

/*
 * The dashboard's tables as CSV (docs/insights.md lists the columns). Header names are English
 * and stable, for the scripts of the brand's own reporting; durations are whole minutes; a share
 * is two columns, the count and its total, so a spreadsheet can add them up across files.
 */

export const csvTables = ['summary', 'categories', 'weeks', 'unanswered', 'helpers', 'moderation', 'feedback', 'feedback_comments'] as const;
export type CsvTable = (typeof csvTables)[number];

export function isCsvTable(value: string): value is CsvTable {
  return (csvTables as readonly string[]).includes(value);
}

type Row = (Cell | MemberText)[];

function spreadRows(name: string, spread: Spread): Row[] {
  return [
    [`${name}_count`, spread.count, null],
    [`${name}_median_minutes`, minutes(spread.median), null],
    [`${name}_p90_minutes`, minutes(spread.p90), null],
  ];
}

function shareRow(name: string, share: Share): Row {
  return [name, share.count, share.of];
}

function summary(insights: Insights): string {
  const { response, solutions, activity } = insights;
  const rows: Row[] = [
    ['questions', response.questions, null],
    ...spreadRows('first_reply', response.firstReply),
    ...spreadRows('first_staff_reply', response.firstStaffReply),
    shareRow('answered_within_target', response.withinTarget),
    ['unanswered_past_target_now', insights.unansweredCount ?? insights.unanswered.length, null],
  ];
  if (solutions) rows.push(shareRow('solved', solutions.solved), ...spreadRows('solution', solutions.timeToSolution), shareRow('solutions_by_customers', solutions.byCustomers));
  rows.push(
    ['new_threads', activity.threads, null],
    ['replies', activity.replies, null],
    ['new_members', activity.newMembers, null],
    ['active_members', activity.activeMembers, null],
    ['page_views', activity.views, null],
  );
  return toCsv(['measure', 'value', 'total'], rows);
}

function spreadCells(spread: Spread | undefined): Cell[] {
  return spread ? [spread.count, minutes(spread.median), minutes(spread.p90)] : [null, null, null];
}

function categoriesTable(insights: Insights): string {
  const header = ['category', 'slug', 'target_minutes', 'questions'];
  for (const name of ['first_reply', 'first_staff_reply']) header.push(`${name}_count`, `${name}_median_minutes`, `${name}_p90_minutes`);
  header.push('answered_within_target', 'answered_within_target_total', 'solved', 'solved_total', 'solution_median_minutes', 'solution_p90_minutes', 'solutions_by_customers', 'solutions_total');
  const rows = insights.byCategory.map(({ category, response, solutions }): Row => [
    new MemberText(category.name),
    category.slug,
    category.targetReplyMinutes,
    response.questions,
    ...spreadCells(response.firstReply),
    ...spreadCells(response.firstStaffReply),
    response.withinTarget.count,
    response.withinTarget.of,
    ...(solutions
      ? [solutions.solved.count, solutions.solved.of, minutes(solutions.timeToSolution.median), minutes(solutions.timeToSolution.p90), solutions.byCustomers.count, solutions.byCustomers.of]
      : [null, null, null, null, null, null]),
  ]);
  return toCsv(header, rows);
}

function weeksTable(insights: Insights): string {
  const header = ['week_start', 'questions', 'first_reply_median_minutes', 'answered_within_target', 'answered_within_target_total', 'threads', 'replies', 'page_views'];
  const rows = insights.weeks.map((week): Row => [dayText(week.weekStart), week.questions, minutes(week.firstReplyMedian), week.withinTarget.count, week.withinTarget.of, week.threads, week.replies, week.views]);
  return toCsv(header, rows);
}

/** A moment as ISO 8601 in UTC, to the second. */
function utcTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

function unansweredTable(insights: Insights, baseUrl: string): string {
  const header = ['thread_id', 'title', 'category', 'url', 'created_at', 'overdue_minutes', 'claimed_by'];
  const rows = insights.unanswered.map((question): Row => [
    question.threadId,
    new MemberText(question.title),
    new MemberText(question.categoryName),
    `${baseUrl}${threadPath(question.threadId, question.slug)}`,
    utcTime(question.createdAt),
    minutes(question.overdueBy),
    question.claimedBy ? new MemberText(question.claimedBy.username) : null,
  ]);
  return toCsv(header, rows);
}

function helpersTable(insights: Insights): string {
  return toCsv(['username', 'accepted_answers', 'helpful_votes'], insights.topHelpers.map((helper): Row => [new MemberText(helper.username), helper.answers, helper.helpful]));
}

function moderationTable(insights: Insights): string {
  const { moderation } = insights;
  const rows: Row[] = [
    ['reviewed', moderation.reviewed],
    ['review_wait_median_minutes', minutes(moderation.wait.median)],
    ['review_wait_p90_minutes', minutes(moderation.wait.p90)],
    ...flagReasons.map((reason): Row => [`flags_${reason}`, moderation.flagsByReason[reason]]),
    ['sanctions', moderation.sanctions],
  ];
  return toCsv(['measure', 'value'], rows);
}

function feedbackTable(insights: Insights, baseUrl: string): string {
  const header = ['thread_id', 'title', 'category', 'embed_key', 'url', 'answers', 'yes', 'no'];
  const rows = (insights.feedback?.subjects ?? []).map((subject): Row => [
    subject.threadId,
    new MemberText(subject.title),
    new MemberText(subject.categoryName),
    subject.embedKey === null ? null : new MemberText(subject.embedKey),
    `${baseUrl}${threadPath(subject.threadId, subject.slug)}`,
    subject.helpful.of,
    subject.helpful.count,
    subject.helpful.of - subject.helpful.count,
  ]);
  return toCsv(header, rows);
}

function feedbackCommentsTable(insights: Insights): string {
  const header = ['answered_at', 'thread_id', 'title', 'embed_key', 'helpful', 'comment'];
  const rows = (insights.feedback?.comments ?? []).map((comment): Row => [
    utcTime(comment.at),
    comment.threadId,
    new MemberText(comment.title),
    comment.embedKey === null ? null : new MemberText(comment.embedKey),
    comment.helpful ? 'yes' : 'no',
    new MemberText(comment.comment),
  ]);
  return toCsv(header, rows);
}

export function insightsCsv(insights: Insights, table: CsvTable, baseUrl: string): string {
  switch (table) {
    case 'summary':
      return summary(insights);
    case 'categories':
      return categoriesTable(insights);
    case 'weeks':
      return weeksTable(insights);
    case 'unanswered':
      return unansweredTable(insights, baseUrl);
    case 'helpers':
      return helpersTable(insights);
    case 'moderation':
      return moderationTable(insights);
    case 'feedback':
      return feedbackTable(insights, baseUrl);
    case 'feedback_comments':
      return feedbackCommentsTable(insights);
  }
}

/** insights-<table>-<first day>-<last day>.csv */
export function csvFileName(insights: Insights, table: CsvTable): string {
  return `insights-${table}-${dayText(insights.period.from)}-${dayText(insights.period.to - 1)}.csv`;
}
