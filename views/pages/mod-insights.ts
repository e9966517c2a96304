import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import { periodNames, type Insights, type Spread } from '../../src/insights/types.js';
import { errorSummary } from '../components/form.js';
import { weeklyCharts } from '../components/insights-charts.js';
import { csvLink, shareText, timeOrNone } from '../components/insights-figures.js';
import { categoriesTable, flagsTable, helpersTable, unansweredTable } from '../components/insights-tables.js';
import { feedbackSection } from '../components/insights-feedback.js';
import { modNav } from '../components/mod-nav.js';
import { day } from '../components/utc-date.js';
import { html, type Html } from '../html.js';

export type ModInsightsProps = {
  i18n: I18n;
  isAdmin: boolean;
  insights: Insights;
  /** The filter form's values as sent (kept when refused). */
  form: { period: string; from: string; to: string; category: string };
  /** Why the filter was refused, shown above the form; the figures are then the default period's. */
  error?: string;
  /** This page's query string without format, table or after: the base of CSV and paging links. */
  query: string;
  /** The value of ?after= for the next page of the worklist, if there is one. */
  unansweredNext: string | null;
};

const periodLabels: Record<string, MessageKey> = { '7d': 'insightsPage.period.7d', '30d': 'insightsPage.period.30d', '90d': 'insightsPage.period.90d' };

const option = (value: string, label: string, chosen: string) => (value === chosen ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`);

/** A preset period, or a custom one from two dates: dates, when both are given, win (src/insights/period.ts). */
function filterForm(props: ModInsightsProps): Html {
  const { i18n, form, insights } = props;
  return html`<form method="get" action="/mod/insights" class="filter-form" aria-label="${i18n.t('insightsPage.filterLabel')}">
  <label>${i18n.t('insightsPage.period')} <select name="period">${periodNames.map((name) => option(name, i18n.t(periodLabels[name]!), form.period))}</select></label>
  <label>${i18n.t('insightsPage.from')} <input type="date" name="from" value="${form.from}"></label>
  <label>${i18n.t('insightsPage.to')} <input type="date" name="to" value="${form.to}"></label>
  <label>${i18n.t('insightsPage.category')} <select name="category">${option('', i18n.t('insightsPage.allCategories'), form.category)}${insights.categories.map((category) => option(category.slug, category.name, form.category))}</select></label>
  <button type="submit" class="button-secondary">${i18n.t('insightsPage.show')}</button>
</form>
<p class="hint">${i18n.t('insightsPage.customHint')}</p>`;
}

/** One figure of the headline: what it measures, then the value. */
const figure = (label: string, value: Html | string) => html`<div class="figure"><dt>${label}</dt><dd>${value}</dd></div>`;

/** A time in the headline; "no data" quieter than a figure, as in shares. */
const timeFigure = (i18n: I18n, ms: number | null) => (ms === null ? html`<span class="muted">${timeOrNone(i18n, ms)}</span>` : timeOrNone(i18n, ms));

const spreadFigures = (i18n: I18n, spread: Spread, median: MessageKey, p90: MessageKey) => [figure(i18n.t(median), timeFigure(i18n, spread.median)), figure(i18n.t(p90), timeFigure(i18n, spread.p90))];

function summary(i18n: I18n, insights: Insights, query: string): Html {
  const { response, solutions, activity, moderation } = insights;
  const count = (value: number) => i18n.number(value);
  const group = (id: string, heading: string, figures: Html[]) => html`<section class="figures-group" aria-labelledby="${id}"><h3 id="${id}">${heading}</h3><dl class="figures">${figures}</dl></section>`;
  return html`<section aria-labelledby="summary-heading">
<h2 id="summary-heading">${i18n.t('insightsPage.summary')}</h2>
<div class="figures-groups">
${group('response-heading', i18n.t('insightsPage.response'), [
  figure(i18n.t('insightsPage.questions'), count(response.questions)),
  ...spreadFigures(i18n, response.firstReply, 'insightsPage.firstReplyMedian', 'insightsPage.firstReplyP90'),
  ...spreadFigures(i18n, response.firstStaffReply, 'insightsPage.firstStaffReplyMedian', 'insightsPage.firstStaffReplyP90'),
  figure(i18n.t('insightsPage.withinTarget'), shareText(i18n, response.withinTarget)),
])}
${solutions ? group('solutions-heading', i18n.t('insightsPage.solutions'), [
  figure(i18n.t('insightsPage.solvedRate'), shareText(i18n, solutions.solved)),
  ...spreadFigures(i18n, solutions.timeToSolution, 'insightsPage.solutionMedian', 'insightsPage.solutionP90'),
  figure(i18n.t('insightsPage.byCustomers'), shareText(i18n, solutions.byCustomers)),
]) : ''}
${group('activity-heading', i18n.t('insightsPage.activity'), [
  figure(i18n.t('insightsPage.threads'), count(activity.threads)),
  figure(i18n.t('insightsPage.replies'), count(activity.replies)),
  figure(i18n.t('insightsPage.newMembers'), count(activity.newMembers)),
  figure(i18n.t('insightsPage.activeMembers'), count(activity.activeMembers)),
  figure(i18n.t('insightsPage.views'), count(activity.views)),
])}
${group('moderation-heading', i18n.t('insightsPage.moderation'), [
  figure(i18n.t('insightsPage.reviewed'), count(moderation.reviewed)),
  ...spreadFigures(i18n, moderation.wait, 'insightsPage.waitMedian', 'insightsPage.waitP90'),
  figure(i18n.t('insightsPage.sanctions'), count(moderation.sanctions)),
])}
</div>
${csvLink(i18n, query, 'summary', i18n.t('insightsPage.summary'))}
</section>`;
}

/** "Dec 1, 2026 – Dec 7, 2026, all categories": what the figures below cover. */
function scope(i18n: I18n, insights: Insights): string {
  const { from, to } = insights.period;
  const values = { from: day(i18n, from), to: day(i18n, to - 1) };
  return insights.category ? i18n.t('insightsPage.scopeCategory', { ...values, category: insights.category.name }) : i18n.t('insightsPage.scopeAll', values);
}

/** The insights dashboard. */
export function modInsightsPage(props: ModInsightsProps): Html {
  const { i18n, insights, query } = props;
  return html`<h1>${i18n.t('insights.heading')}</h1>
${modNav(i18n, 'insights', props.isAdmin)}
${props.error ? errorSummary(i18n, { form: props.error }) : ''}
${filterForm(props)}
<p class="lead insights-scope">${scope(i18n, insights)}</p>
<div class="insights">
${summary(i18n, insights, query)}
${unansweredTable(i18n, insights, query, props.unansweredNext)}
${feedbackSection(i18n, insights, query)}
${weeklyCharts(i18n, insights, query)}
${categoriesTable(i18n, insights, query)}
<section aria-labelledby="flags-heading"><h2 id="flags-heading">${i18n.t('insightsPage.flagsByReason')}</h2>${flagsTable(i18n, insights, query)}</section>
${helpersTable(i18n, insights, query)}
</div>`;
}
