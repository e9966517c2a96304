import { describe, expect, it } from 'vitest';
import { I18n, localeFormat } from '../../src/i18n/translator.js';
import { band, labelEvery, runs, ticks } from '../../views/components/chart-scale.js';
import { barChart, lineChart, type ChartProps } from '../../views/components/chart.js';
import { duration } from '../../views/components/duration.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const en = new I18n(localeFormat('en', 'UTC'), Date.UTC(2026, 11, 6));

const chart = (over: Partial<ChartProps>): ChartProps => ({
  id: 'chart-test', title: 'T', description: 'D', xLabels: ['a', 'b', 'c'], kind: 'count',
  series: [{ label: 's', values: [1, 2, 3] }], format: (value) => en.number(value), ...over,
});

const attributes = (markup: string, element: string, name: string) =>
  [...markup.matchAll(new RegExp(`<${element}[^>]*\\s${name}="([^"]*)"`, 'g'))].map((match) => match[1]!);

describe('durations', () => {
  it('read in two units at most, in the reader language', () => {
    expect(duration(en, 0)).toBe('0 min');
    expect(duration(en, 20_000)).toBe('under 1 min');
    expect(duration(en, 45 * MINUTE)).toBe('45 min');
    expect(duration(en, 2 * HOUR + 5 * MINUTE)).toBe('2 h 5 min');
    expect(duration(en, 3 * HOUR)).toBe('3 h');
    expect(duration(en, 3 * DAY + 4 * HOUR + 10 * MINUTE)).toBe('3 d 4 h');
    expect(duration(en, 2 * DAY)).toBe('2 d');
    // Just under a day rounds up to a day, not to "24 h".
    expect(duration(en, DAY - 10_000)).toBe('1 d');
    expect(duration(new I18n(localeFormat('tr', 'UTC'), 0), 3 * HOUR + 20 * MINUTE)).toBe('3 sa 20 dk');
    expect(duration(new I18n(localeFormat('zh-Hans', 'UTC'), 0), 2 * DAY + HOUR)).toBe('2 天 1 小时');
  });
});

describe('chart scales', () => {
  it('tick counts at 1, 2 or 5 times a power of ten, durations at whole minutes, hours or days', () => {
    expect(ticks(0, 'count')).toEqual([0, 1]);
    expect(ticks(7, 'count')).toEqual([0, 2, 4, 6, 8]);
    expect(ticks(130, 'count')).toEqual([0, 50, 100, 150]);
    expect(ticks(0, 'duration')).toEqual([0, MINUTE]);
    expect(ticks(5 * HOUR, 'duration')).toEqual([0, 2 * HOUR, 4 * HOUR, 6 * HOUR]);
    expect(ticks(3 * DAY, 'duration')).toEqual([0, DAY, 2 * DAY, 3 * DAY]);
  });

  it('breaks a series into runs where values are missing', () => {
    expect(runs([1, null, 2, 3, null])).toEqual([[{ index: 0, value: 1 }], [{ index: 2, value: 2 }, { index: 3, value: 3 }]]);
    expect(runs([null, null])).toEqual([]);
  });

  it('labels about six weeks of thirteen, and centres a single point', () => {
    expect(labelEvery(13)).toBe(3);
    expect(labelEvery(4)).toBe(1);
    expect(band(1).middle(0)).toBeCloseTo((62 + 470) / 2);
  });
});

describe('the line chart', () => {
  it('is an image named by its title and described by its description', () => {
    const markup = lineChart(chart({})).toString();
    expect(markup).toContain('role="img" aria-labelledby="chart-test-title" aria-describedby="chart-test-desc"');
    expect(markup).toContain('<title id="chart-test-title">T</title>');
    expect(markup).toContain('<desc id="chart-test-desc">D</desc>');
    expect(markup).not.toContain('style=');
  });

  it('leaves a gap for a missing value and still shows a lone point', () => {
    const markup = lineChart(chart({ xLabels: ['a', 'b', 'c', 'd'], series: [{ label: 's', values: [HOUR, null, 2 * HOUR, 3 * HOUR] }], kind: 'duration' })).toString();
    expect(attributes(markup, 'circle', 'data-value')).toEqual([String(HOUR), String(2 * HOUR), String(3 * HOUR)]);
    expect(attributes(markup, 'circle', 'data-index')).toEqual(['0', '2', '3']);
    // One line, from the third week to the fourth: the first week stands alone.
    expect(attributes(markup, 'polyline', 'points')).toHaveLength(1);
  });

  it('draws the axis from the formatted ticks and the target line within the scale', () => {
    const markup = lineChart(chart({ kind: 'duration', series: [{ label: 's', values: [HOUR, null, null] }], format: (value) => duration(en, value), reference: { value: 4 * HOUR, label: 'Target 4 h' } })).toString();
    expect(markup).toContain('>2 h</text>');
    expect(markup).toContain('>4 h</text>');
    expect(markup).toContain('Target 4 h</text>');
    expect(markup).toContain('stroke-dasharray');
  });

  it('draws an empty week range as axes only', () => {
    const markup = lineChart(chart({ series: [{ label: 's', values: [null, null, null] }] })).toString();
    expect(markup).not.toContain('<circle');
    expect(markup).not.toContain('<polyline');
    expect(markup).toContain('<svg');
  });
});

describe('the bar chart', () => {
  it('draws a bar per value and series, heights in proportion, and a legend for several series', () => {
    const markup = barChart(chart({ series: [{ label: 'threads', values: [2, 0, 4] }, { label: 'replies', values: [8, 1, null] }] })).toString();
    expect(attributes(markup, 'rect', 'data-value')).toEqual(['2', '0', '4', '8', '1']);
    const heights = attributes(markup, 'rect', 'height').map(Number);
    expect(heights[3]! / heights[0]!).toBeCloseTo(4, 1);
    expect(markup).toContain('chart-swatch series-2');
    expect(markup).toContain('replies</li>');
  });

  it('has no legend for one series', () => {
    expect(barChart(chart({})).toString()).not.toContain('chart-legend');
  });
});
