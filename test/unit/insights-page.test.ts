import { describe, expect, it } from 'vitest';
import { I18n, localeFormat } from '../../src/i18n/translator.js';
import type { CategoryFacts, Insights, WeekPoint } from '../../src/insights/types.js';
import { duration } from '../../views/components/duration.js';
import { modInsightsPage, type ModInsightsProps } from '../../views/pages/mod-insights.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONDAY = Date.UTC(2026, 10, 2); // Monday 2 November 2026
const NOW = Date.UTC(2026, 11, 6, 12);
const en = new I18n(localeFormat('en', 'UTC'), NOW);

const support: CategoryFacts = { id: 1, slug: 'support', name: 'Support', kind: 'questions', targetReplyMinutes: 240 };
const lounge: CategoryFacts = { id: 2, slug: 'lounge', name: 'Lounge', kind: 'discussion', targetReplyMinutes: 240 };

const week = (index: number, over: Partial<WeekPoint> = {}): WeekPoint => ({
  weekStart: MONDAY + index * 7 * DAY, questions: 4, firstReplyMedian: (index + 1) * HOUR, withinTarget: { count: 3, of: 4 }, threads: 5 + index, replies: 20 + index, views: 300 + index, ...over,
});

const spread = (median: number | null) => ({ count: median === null ? 0 : 10, median, p90: median === null ? null : median * 3 });

function insights(over: Partial<Insights> = {}): Insights {
  return {
    period: { name: '30d', from: MONDAY, to: MONDAY + 35 * DAY },
    category: null,
    categories: [support, lounge],
    response: { questions: 16, firstReply: spread(2 * HOUR + 5 * MINUTE), firstStaffReply: spread(3 * DAY + 4 * HOUR), withinTarget: { count: 7, of: 8 } },
    solutions: { solved: { count: 6, of: 10 }, timeToSolution: spread(DAY), byCustomers: { count: 2, of: 6 } },
    activity: { threads: 30, replies: 120, newMembers: 7, activeMembers: 25, views: 4321 },
    moderation: { reviewed: 9, wait: spread(25 * MINUTE), flagsByReason: { spam: 4, abuse: 1, off_topic: 2, other: 0 }, sanctions: 1 },
    byCategory: [
      { category: support, response: { questions: 10, firstReply: spread(HOUR), firstStaffReply: spread(2 * HOUR), withinTarget: { count: 9, of: 10 } }, solutions: { solved: { count: 6, of: 10 }, timeToSolution: spread(DAY), byCustomers: { count: 2, of: 6 } } },
      { category: lounge, response: { questions: 6, firstReply: spread(null), firstStaffReply: spread(null), withinTarget: { count: 0, of: 0 } }, solutions: null },
    ],
    weeks: [week(0), week(1, { firstReplyMedian: null, questions: 0, withinTarget: { count: 0, of: 0 } }), week(2), week(3), week(4)],
    unanswered: [
      { threadId: 12, slug: 'charger-broken', title: 'Charger broken', categoryName: 'Support', createdAt: NOW - 2 * DAY, overdueBy: 2 * DAY - 4 * HOUR, claimedBy: { id: 3, username: 'maya' } },
      { threadId: 15, slug: 'app-login', title: 'App login', categoryName: 'Support', createdAt: NOW - 6 * HOUR, overdueBy: 2 * HOUR, claimedBy: null },
    ],
    topHelpers: [{ userId: 4, username: 'lena', answers: 5, helpful: 11 }],
    ...over,
  };
}

const props = (over: Partial<ModInsightsProps> = {}): ModInsightsProps => ({
  i18n: en, isAdmin: false, insights: insights(), form: { period: '30d', from: '', to: '', category: '' }, query: 'period=30d', unansweredNext: null, ...over,
});

const page = (over: Partial<ModInsightsProps> = {}) => modInsightsPage(props(over)).toString();

/** The section of the page whose chart has this id: its SVG and its table. */
function chartSection(markup: string, id: string): string {
  const start = markup.indexOf(`<section class="chart" aria-labelledby="${id}-heading">`);
  return markup.slice(start, markup.indexOf('</section>', start));
}
const plotted = (section: string) => [...section.matchAll(/data-index="(\d+)" data-value="(\d+)"/g)].map((match) => [Number(match[1]), Number(match[2])] as const);
const tableColumn = (section: string, column: number) =>
  [...section.matchAll(/<tr><th scope="row">[^<]*<\/th>((?:<td class="number">[^<]*<\/td>)+)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td class="number">([^<]*)<\/td>/g)][column]![1]!);

describe('the insights dashboard', () => {
  it('shows the headline figures in the reader language', () => {
    const markup = page();
    expect(markup).toContain('<dt>First reply, median</dt><dd>2 h 5 min</dd>');
    expect(markup).toContain('<dt>First staff reply, median</dt><dd>3 d 4 h</dd>');
    expect(markup).toContain('<dt>Answered within target</dt><dd>88% <span class="muted">(7 of 8)</span></dd>');
    expect(markup).toContain('<dt>Solutions by customers</dt><dd>33% <span class="muted">(2 of 6)</span></dd>');
    expect(markup).toContain('<dt>Thread page views</dt><dd>4,321</dd>');
    expect(markup).toContain('From Nov 2, 2026 to Dec 6, 2026, in all the categories you moderate.');
  });

  it('names the chosen category and draws its own target', () => {
    const markup = page({ insights: insights({ category: { ...support, targetReplyMinutes: 90 } }) });
    expect(markup).toContain('From Nov 2, 2026 to Dec 6, 2026, in Support.');
    expect(chartSection(markup, 'chart-first-reply')).toContain('Target 1 h 30 min');
  });

  it('leaves out solutions when no category in view takes questions', () => {
    expect(page({ insights: insights({ solutions: null }) })).not.toContain('Solutions (Q&amp;A categories)');
  });

  it('plots the same numbers its tables give', () => {
    const markup = page();
    const response = chartSection(markup, 'chart-first-reply');
    expect(plotted(response)).toEqual([[0, HOUR], [2, 3 * HOUR], [3, 4 * HOUR], [4, 5 * HOUR]]);
    expect(tableColumn(response, 0)).toEqual(['1 h', 'no data', '3 h', '4 h', '5 h']);
    expect(response).toContain('Target 4 h');

    const activity = chartSection(markup, 'chart-activity');
    const weeks = insights().weeks;
    expect(plotted(activity)).toEqual([...weeks.map((week, index) => [index, week.threads]), ...weeks.map((week, index) => [index, week.replies])]);
    expect(tableColumn(activity, 0)).toEqual(weeks.map((week) => String(week.threads)));
    expect(tableColumn(activity, 1)).toEqual(weeks.map((week) => String(week.replies)));
    expect(tableColumn(chartSection(markup, 'chart-views'), 0)).toEqual(weeks.map((week) => String(week.views)));
    expect(markup).toContain('<th scope="row">Nov 2, 2026</th>');
  });

  it('says so when the period has no week to chart', () => {
    const markup = page({ insights: insights({ weeks: [] }) });
    expect(markup).not.toContain('<svg');
    expect(markup).toContain('There are no weekly figures for this period yet.');
  });

  it('draws no target line when the categories in view have different targets', () => {
    const other = { ...lounge, targetReplyMinutes: 60 };
    const data = insights();
    const markup = page({ insights: { ...data, byCategory: [data.byCategory[0]!, { ...data.byCategory[1]!, category: other }] } });
    expect(chartSection(markup, 'chart-first-reply')).not.toContain('Target');
  });

  it('lists the unanswered questions with who is on them, and the next page', () => {
    const markup = page({ unansweredNext: '1733000000000:15' });
    expect(markup).toContain('<a dir="auto" href="/t/12/charger-broken">Charger broken</a>');
    expect(markup).toContain('<a href="/u/maya"><bdi>maya</bdi></a> is on it');
    expect(markup).toContain(`<td class="number">${duration(en, 2 * DAY - 4 * HOUR)}</td>`);
    expect(markup).toContain('Nobody yet');
    expect(markup).toContain('href="/mod/insights?period=30d&amp;after=1733000000000%3A15#unanswered-heading"');
  });

  it('counts the whole worklist, not only the page shown', () => {
    expect(page({ insights: insights({ unansweredCount: 27 }) })).toContain('27 questions are waiting past their target.');
    expect(page({ insights: insights({ unansweredCount: 1 }) })).toContain('1 question is waiting past its target.');
    expect(page({ insights: insights({ unanswered: [], unansweredCount: 0 }) })).not.toContain('waiting past their target.');
  });

  it('offers every table as CSV', () => {
    const markup = page({ query: 'period=30d&category=support' });
    for (const table of ['summary', 'categories', 'weeks', 'unanswered', 'helpers', 'moderation']) {
      expect(markup).toContain(`href="/mod/insights?period=30d&amp;category=support&amp;format=csv&amp;table=${table}"`);
    }
    expect(page({ query: '' })).toContain('href="/mod/insights?format=csv&amp;table=summary"');
  });

  it('labels flags with the flag form reasons and links helpers to their profiles', () => {
    const markup = page();
    expect(markup).toContain('<th scope="row">Spam or advertising</th><td class="number">4</td>');
    expect(markup).toContain('<a dir="auto" href="/u/lena">lena</a>');
    expect(markup).toContain('<td class="number">4 h</td>');
  });

  it('keeps the filter as sent and shows why it was refused', () => {
    const markup = page({ form: { period: '90d', from: '2026-12-09', to: '2026-12-01', category: 'support' }, error: 'The first day must come before the last.' });
    expect(markup).toContain('<div class="error-summary" role="alert">');
    expect(markup).toContain('The first day must come before the last.');
    expect(markup).toContain('<option value="90d" selected>');
    expect(markup).toContain('value="2026-12-01"');
    expect(markup).toContain('value="2026-12-09"');
    expect(markup).toContain('<option value="support" selected>Support</option>');
  });

  it('escapes what members and managers wrote: titles, names, category names', () => {
    const data = insights();
    const hostile = '<img src=x onerror=alert(1)>';
    const markup = page({
      insights: {
        ...data,
        categories: [{ ...support, name: hostile }],
        unanswered: [{ ...data.unanswered[0]!, title: hostile, categoryName: hostile, claimedBy: { id: 3, username: hostile } }],
        topHelpers: [{ userId: 4, username: hostile, answers: 1, helpful: 0 }],
      },
      form: { period: '"><script>', from: '"><script>', to: '', category: '' },
    });
    expect(markup).not.toContain('<img src=x');
    expect(markup).not.toContain('"><script>');
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('reads in Arabic with the same figures', () => {
    const markup = page({ i18n: new I18n(localeFormat('ar', 'UTC'), NOW) });
    expect(markup).toContain('direction="ltr"');
    expect(markup).toContain('يتولّى الأمر');
  });
});
