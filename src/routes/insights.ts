import { Hono, type Context } from 'hono';
import { isAdmin } from '../forum/permissions.js';
import { msg } from '../i18n/message.js';
import { computeInsights } from '../insights/measures.js';
import { csvFileName, csvTables, insightsCsv, isCsvTable } from '../insights/csv-tables.js';
import { choosePeriod, DEFAULT_PERIOD, namedPeriod, type PeriodChoice } from '../insights/period.js';
import type { UnansweredCursor } from '../insights/unanswered.js';
import { modInsightsPage } from '../../views/pages/mod-insights.js';
import type { AppEnv } from './env.js';
import { renderPage } from './render.js';
import { staffOnly } from './staff-guard.js';

// GET /mod/insights: the dashboard (docs/insights.md), and with ?format=csv its tables as CSV.

// The worklist (and the "Did this help?" tables) in a CSV hold every row, up to this many.
const CSV_UNANSWERED_MAX = 10_000;

type Filter = { period: string; from: string; to: string; category: string };

function filterOf(c: Context<AppEnv>): Filter {
  const value = (name: string) => (c.req.query(name) ?? '').trim().slice(0, 100);
  return { period: value('period'), from: value('from'), to: value('to'), category: value('category') };
}

/** `createdAt.id`, as the worklist's next link writes it; anything else starts at the beginning. */
function cursorOf(after: string | undefined): UnansweredCursor | null {
  const match = /^([0-9]{1,15})\.([0-9]{1,15})$/.exec(after ?? '');
  return match ? { createdAt: Number(match[1]), id: Number(match[2]) } : null;
}

/** The filter as a query string, for the page's CSV and paging links (only what was accepted). */
function queryOf(filter: Filter, accepted: boolean): string {
  const search = new URLSearchParams();
  if (accepted) for (const name of ['period', 'from', 'to'] as const) if (filter[name] !== '') search.set(name, filter[name]);
  if (filter.category !== '') search.set('category', filter.category);
  return search.toString();
}

/** ?format=csv: one table of the same figures, or the refusal as plain text (422). */
function sendCsv(c: Context<AppEnv>, filter: Filter, choice: PeriodChoice) {
  const i18n = c.get('i18n');
  const tableName = c.req.query('table') ?? 'summary';
  if (!isCsvTable(tableName)) return c.text(i18n.message(msg('insights.csv.tableUnknown', { tables: csvTables.join(', ') })), 422);
  if (!choice.ok) return c.text(i18n.message(choice.error), 422);
  const insights = computeInsights(c.get('services'), c.get('viewer'), {
    period: choice.period,
    category: filter.category || null,
    ...(tableName === 'unanswered' ? { unansweredLimit: CSV_UNANSWERED_MAX } : {}),
    ...(tableName === 'feedback' || tableName === 'feedback_comments' ? { feedbackLimit: CSV_UNANSWERED_MAX } : {}),
  });
  return c.body(insightsCsv(insights, tableName, c.get('site').baseUrl), 200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="${csvFileName(insights, tableName)}"`,
  });
}

export const insightsRoutes = new Hono<AppEnv>().use('/mod/insights', staffOnly()).get('/mod/insights', (c) => {
  const services = c.get('services');
  const i18n = c.get('i18n');
  // This process's counted views, so that a single-process community sees its latest ones. If the
  // database is busy, the counter keeps them for its next flush and the page goes on without them.
  try {
    c.get('threadViews').flush(services.db);
  } catch {
    // Kept by the counter (src/insights/thread-views.ts).
  }
  const filter = filterOf(c);
  const now = services.now();
  const choice = choosePeriod(filter, now);
  if (c.req.query('format') === 'csv') return sendCsv(c, filter, choice);
  const period = choice.ok ? choice.period : namedPeriod(DEFAULT_PERIOD, now);
  const insights = computeInsights(services, c.get('viewer'), { period, category: filter.category || null, after: cursorOf(c.req.query('after')) });
  const next = insights.unansweredNext;
  const view = modInsightsPage({
    i18n,
    isAdmin: isAdmin(c.get('viewer')),
    insights,
    form: filter,
    ...(choice.ok ? {} : { error: i18n.message(choice.error) }),
    query: queryOf(filter, choice.ok),
    unansweredNext: next ? `${next.createdAt}.${next.id}` : null,
  });
  return renderPage(c, view, { title: i18n.t('insights.heading') }, choice.ok ? 200 : 422);
});
