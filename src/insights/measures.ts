import { readTogether } from '../db/read-together.js';
import { msg } from '../i18n/message.js';
import type { ServiceContext, Viewer } from '../lib/context.js';
import { NotFound } from '../lib/errors.js';
import { requireStaff } from '../moderation/staff.js';
import { activityOf, readActivityDays } from './activity.js';
import { moderationOf } from './moderation.js';
import { readQuestions, responseOf, solutionsOf, targetsOf } from './response.js';
import { askingCategories, categoriesInScope } from './scope.js';
import { readStaffIds } from './staff-ids.js';
import { topHelpersOf } from './top-helpers.js';
import { feedbackOf } from './feedback.js';
import type { CategoryFacts, Insights, Period } from './types.js';
import { countUnanswered, listUnanswered, type UnansweredCursor } from './unanswered.js';
import { weekPointsOf } from './week-points.js';

/*
 * The insights dashboard's figures (docs/insights.md defines each) for the categories a staff
 * member moderates, or the one of them chosen. Everything is read from the facts kept on threads
 * and the daily rollups (ADR 0041), in one read transaction so the figures agree with each other.
 */

export type InsightsQuery = {
  period: Period;
  /** A category's slug, or null for all the viewer moderates. */
  category: string | null;
  /** Where the worklist's page starts (?after=). */
  after?: UnansweredCursor | null;
  /** How many worklist rows; the page shows UNANSWERED_PAGE, the CSV all. */
  unansweredLimit?: number;
  /** How many "Did this help?" rows and comments; the page shows FEEDBACK_ROWS, the CSV more. */
  feedbackLimit?: number;
};

/** The chosen category among those in scope; one outside the scope is as unknown as a missing one. */
function chosenCategory(inScope: readonly CategoryFacts[], slug: string | null): CategoryFacts | null {
  if (slug === null) return null;
  const found = inScope.find((category) => category.slug === slug);
  if (!found) throw new NotFound(msg('insights.categoryNotFound'));
  return found;
}

export function computeInsights(ctx: ServiceContext, viewer: Viewer, query: InsightsQuery): Insights {
  const staff = requireStaff(viewer);
  const now = ctx.now();
  const { period } = query;
  return readTogether(ctx.db, () => {
    const inScope = categoriesInScope(ctx, staff);
    const category = chosenCategory(inScope, query.category);
    const chosen = category ? [category] : inScope;
    const ids = chosen.map((each) => each.id);
    const targets = targetsOf(chosen);
    const questions = readQuestions(ctx.db, askingCategories(chosen).map((each) => each.id), period);
    const days = readActivityDays(ctx.db, ids, period);
    const staffIds = readStaffIds(ctx.db);
    const worklist = listUnanswered(ctx, staff, { categoryIds: ids, after: query.after ?? null, ...(query.unansweredLimit ? { limit: query.unansweredLimit } : {}) });
    return {
      period,
      category,
      categories: inScope,
      response: responseOf(questions, targets, now),
      solutions: solutionsOf(questions, chosen),
      activity: activityOf(ctx.db, ids, period, days, staffIds),
      moderation: moderationOf(ctx.db, ids, period),
      byCategory: chosen.map((each) => {
        const own = questions.filter((row) => row.categoryId === each.id);
        return { category: each, response: responseOf(own, targets, now), solutions: solutionsOf(own, [each]) };
      }),
      weeks: weekPointsOf(period, questions, days, targets, now),
      unanswered: worklist.questions,
      unansweredNext: worklist.next,
      unansweredCount: countUnanswered(ctx, staff, ids),
      topHelpers: topHelpersOf(ctx.db, ids, period, staffIds),
      feedback: feedbackOf(ctx.db, ids, period, query.feedbackLimit),
    };
  });
}
