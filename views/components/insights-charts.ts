import type { I18n } from '../../src/i18n/translator.js';
import type { Insights, WeekPoint } from '../../src/insights/types.js';
import { html, type Html } from '../html.js';
import { barChart, lineChart, type ChartProps } from './chart.js';
import { chartTable } from './chart-table.js';
import { duration } from './duration.js';
import { csvLink, percent, timeOrNone } from './insights-figures.js';
import { day, shortDay } from './utc-date.js';

// The dashboard's weekly charts, each with its numbers in a table beside it. The table's cells are
// written from the same arrays the chart plots, so the two cannot disagree.

/** The reply target to draw: the chosen category's, or the one all categories in view share. */
export function sharedTarget(insights: Insights): number | null {
  if (insights.category) return insights.category.targetReplyMinutes * 60_000;
  const targets = new Set(insights.byCategory.map((entry) => entry.category.targetReplyMinutes));
  return targets.size === 1 ? [...targets][0]! * 60_000 : null;
}

function chartBlock(id: string, heading: string, chart: Html, table: Html): Html {
  return html`<section class="chart" aria-labelledby="${id}-heading">
<h3 id="${id}-heading">${heading}</h3>
${chart}
${table}
</section>`;
}

function common(i18n: I18n, weeks: WeekPoint[]) {
  const first = weeks[0]!;
  const last = weeks[weeks.length - 1]!;
  return {
    xLabels: weeks.map((week) => shortDay(i18n, week.weekStart)),
    rows: weeks.map((week) => day(i18n, week.weekStart)),
    span: { from: day(i18n, first.weekStart), to: day(i18n, last.weekStart), weeks: weeks.length },
  };
}

function responseChart(i18n: I18n, insights: Insights, weeks: WeekPoint[]): Html {
  const { xLabels, rows, span } = common(i18n, weeks);
  const target = sharedTarget(insights);
  const medians = weeks.map((week) => week.firstReplyMedian);
  const title = i18n.t('insightsPage.chart.firstReply');
  const props: ChartProps = {
    id: 'chart-first-reply', title, xLabels, kind: 'duration',
    description: i18n.t('insightsPage.chart.firstReplyDescription', span),
    series: [{ label: title, values: medians }],
    format: (value) => (value === 0 ? i18n.number(0) : duration(i18n, value)),
    ...(target === null ? {} : { reference: { value: target, label: i18n.t('insightsPage.chart.target', { target: duration(i18n, target) }) } }),
  };
  const table = chartTable({
    caption: title, toggle: i18n.t('insightsPage.chart.numbers'), rowHeading: i18n.t('insightsPage.chart.weekOf'), rows,
    columns: [
      { heading: i18n.t('insightsPage.chart.medianColumn'), cells: medians.map((value) => timeOrNone(i18n, value)) },
      { heading: i18n.t('insightsPage.questions'), cells: weeks.map((week) => i18n.number(week.questions)) },
      { heading: i18n.t('insightsPage.withinTarget'), cells: weeks.map((week) => percent(i18n, week.withinTarget)) },
    ],
  });
  return chartBlock(props.id, title, lineChart(props), table);
}

function countChart(i18n: I18n, weeks: WeekPoint[], id: string, title: string, description: string, series: Array<{ label: string; values: number[] }>): Html {
  const { xLabels, rows } = common(i18n, weeks);
  const props: ChartProps = { id, title, description, xLabels, kind: 'count', series, format: (value) => i18n.number(value) };
  const table = chartTable({
    caption: title, toggle: i18n.t('insightsPage.chart.numbers'), rowHeading: i18n.t('insightsPage.chart.weekOf'), rows,
    columns: series.map((entry) => ({ heading: entry.label, cells: entry.values.map((value) => i18n.number(value)) })),
  });
  return chartBlock(id, title, barChart(props), table);
}

/** The weeks of the period as charts, or a sentence when the period has none. */
export function weeklyCharts(i18n: I18n, insights: Insights, query: string): Html {
  const { weeks } = insights;
  const heading = html`<h2 id="weeks-heading">${i18n.t('insightsPage.weeks')}</h2>`;
  if (weeks.length === 0) return html`<section aria-labelledby="weeks-heading">${heading}<p class="empty">${i18n.t('insightsPage.chart.empty')}</p></section>`;
  const { span } = common(i18n, weeks);
  const activity = countChart(i18n, weeks, 'chart-activity', i18n.t('insightsPage.chart.activity'), i18n.t('insightsPage.chart.activityDescription', span), [
    { label: i18n.t('insightsPage.threads'), values: weeks.map((week) => week.threads) },
    { label: i18n.t('insightsPage.replies'), values: weeks.map((week) => week.replies) },
  ]);
  const views = countChart(i18n, weeks, 'chart-views', i18n.t('insightsPage.chart.views'), i18n.t('insightsPage.chart.viewsDescription', span), [
    { label: i18n.t('insightsPage.views'), values: weeks.map((week) => week.views) },
  ]);
  return html`<section aria-labelledby="weeks-heading">${heading}
<p class="hint">${i18n.t('insightsPage.weeksHint')}</p>
<div class="charts">${responseChart(i18n, insights, weeks)}${activity}${views}</div>
${csvLink(i18n, query, 'weeks', i18n.t('insightsPage.weeks'))}
</section>`;
}
