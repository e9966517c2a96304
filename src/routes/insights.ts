import { Hono, type Context } from 'hono';
import { isAdmin } from '../forum/permissions.js';
import { computeInsights } from '../insights/measures.js';
import { choosePeriod, DEFAULT_PERIOD, namedPeriod } from '../insights/period.js';
import type { UnansweredCursor } from '../insights/unanswered.js';
import { modInsightsPage } from '../../views/pages/mod-insights.js';
import type { AppEnv } from './env.js';
import { renderPage } from './render.js';
import { staffOnly } from './staff-guard.js';

// GET /mod/insights: the dashboard (docs/insights.md), and with ?format=csv its tables as CSV.

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

export const insightsRoutes = new Hono<AppEnv>().use('/mod/insights', staffOnly()).get('/mod/insights', (c) => {
  const services = c.get('services');
  const i18n = c.get('i18n');
  // This process's counted views, so that a single-process community sees its latest ones.
  c.get('threadViews').flush(services.db);
  const filter = filterOf(c);
  const now = services.now();
  const choice = choosePeriod(filter, now);
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
