import type { CategoryKind, FlagReason } from '../db/schema.js';

/*
 * What the insights dashboard shows (docs/insights.md defines each measure). Times are
 * milliseconds; a period is [from, to) in milliseconds since the epoch. Computed by
 * src/insights/measures.ts for the categories a viewer moderates; rendered by
 * views/pages/mod-insights.ts and exported as CSV by src/insights/csv.ts.
 */

export const periodNames = ['7d', '30d', '90d'] as const;
export type PeriodName = (typeof periodNames)[number];

/** A named period ends now; a custom one is whole UTC days from `from` to `to` inclusive. */
export type Period = { name: PeriodName | 'custom'; from: number; to: number };

/** A median and 90th percentile (nearest-rank) over `count` values; null when there are none. */
export type Spread = { count: number; median: number | null; p90: number | null };

/** A share: `count` of `of`; the page shows it as a percentage, the CSV as both numbers. */
export type Share = { count: number; of: number };

export type CategoryFacts = { id: number; slug: string; name: string; kind: CategoryKind; targetReplyMinutes: number };

/** Response times over the customers' questions (threads opened by members) in the period. */
export type ResponseMeasures = {
  questions: number;
  firstReply: Spread;
  firstStaffReply: Spread;
  /** Questions whose first reply came within their category's target. */
  withinTarget: Share;
};

/** Q&A categories only: solutions of the period's questions. */
export type SolutionMeasures = {
  solved: Share;
  timeToSolution: Spread;
  /** Solutions written by customers rather than staff. */
  byCustomers: Share;
};

export type ActivityMeasures = { threads: number; replies: number; newMembers: number; activeMembers: number; views: number };

export type ModerationMeasures = {
  /** Review items decided in the period. */
  reviewed: number;
  /** How long the decided items had waited in the queue. */
  wait: Spread;
  flagsByReason: Record<FlagReason, number>;
  /** Silences and suspensions given in the period. */
  sanctions: number;
};

export type CategoryInsights = { category: CategoryFacts; response: ResponseMeasures; solutions: SolutionMeasures | null };

/** One week (Monday 00:00 UTC) of the period, for the charts. */
export type WeekPoint = {
  weekStart: number;
  questions: number;
  firstReplyMedian: number | null;
  withinTarget: Share;
  threads: number;
  replies: number;
  views: number;
};

export type UnansweredQuestion = {
  threadId: number;
  slug: string;
  title: string;
  categoryName: string;
  createdAt: number;
  /** How long past its category's target it is now. */
  overdueBy: number;
  claimedBy: { id: number; username: string } | null;
};

/** "Did this help?" answers on one thread, from one help article's frames (embedKey) or elsewhere (null). */
export type FeedbackSubject = { threadId: number; slug: string; title: string; categoryName: string; embedKey: string | null; helpful: Share };

export type FeedbackComment = { id: number; threadId: number; slug: string; title: string; embedKey: string | null; helpful: boolean; comment: string; at: number };

export type FeedbackInsights = { subjects: FeedbackSubject[]; comments: FeedbackComment[] };

export type TopHelper = { userId: number; username: string; answers: number; helpful: number };

export type Insights = {
  period: Period;
  /** The category chosen with ?category=, or null for every category the viewer moderates. */
  category: CategoryFacts | null;
  /** Categories the viewer may choose from (those they moderate). */
  categories: CategoryFacts[];
  response: ResponseMeasures;
  /** Null when no chosen category is a Q&A category. */
  solutions: SolutionMeasures | null;
  activity: ActivityMeasures;
  moderation: ModerationMeasures;
  /** Per category, for the table of response times against each category's target. */
  byCategory: CategoryInsights[];
  weeks: WeekPoint[];
  /** Oldest first; the manager's worklist (a page of it, from ?after=). */
  unanswered: UnansweredQuestion[];
  /** Where the worklist's next page starts, if there is one. */
  unansweredNext?: { createdAt: number; id: number } | null;
  /** How many questions are past their target now (all pages). */
  unansweredCount?: number;
  topHelpers: TopHelper[];
  /** "Did this help?": help articles failing customers first, then the comments, newest first. */
  feedback?: FeedbackInsights;
};
