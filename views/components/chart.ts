import { html, type Html } from '../html.js';
import { band, frame, labelEvery, plot, round, runs, ticks, yOf, type ValueKind } from './chart-scale.js';

// Weekly charts drawn on the server as inline SVG (ADR 0046): no script, no inline style (the CSP
// allows the stylesheet only), colours from classes in static/style.css so dark mode applies.
// Time runs left to right in every language; the words around the chart follow the page.
// Every plotted mark carries its value (data-value), the number the table beside it shows.

export type ChartSeries = { label: string; values: readonly (number | null)[] };

export type ChartProps = {
  /** Unique on the page: the ids of the chart's title and description derive from it. */
  id: string;
  title: string;
  description: string;
  /** One short label per x value (a week's first day). */
  xLabels: readonly string[];
  /** One to three series, coloured series-1, series-2, series-3. */
  series: readonly ChartSeries[];
  kind: ValueKind;
  /** An axis value as text, in the reader's language. */
  format: (value: number) => string;
  /** A horizontal line to read the values against (a reply target). */
  reference?: { value: number; label: string };
};

function topOf(props: ChartProps): number[] {
  const values = props.series.flatMap((series) => series.values.filter((value): value is number => value !== null));
  return ticks(Math.max(0, props.reference?.value ?? 0, ...values), props.kind);
}

function axes(props: ChartProps, scale: number[]): Html {
  const top = scale[scale.length - 1]!;
  const every = labelEvery(props.xLabels.length);
  const { middle } = band(props.xLabels.length);
  return html`<g class="chart-axis">
${scale.map((value) => {
  const y = round(yOf(value, top));
  return html`<line class="chart-grid" x1="${plot.left}" x2="${plot.right}" y1="${y}" y2="${y}"></line><text class="chart-label" x="${plot.left - 6}" y="${round(y + 4)}" text-anchor="end">${props.format(value)}</text>`;
})}
${props.xLabels.map((label, index) =>
  index % every === 0 ? html`<text class="chart-label" x="${round(middle(index))}" y="${frame.height - 8}" text-anchor="middle">${label}</text>` : '',
)}
</g>`;
}

function reference(props: ChartProps, top: number): Html {
  if (!props.reference) return html``;
  const y = round(yOf(props.reference.value, top));
  // The label sits above the line, or below it when the line runs along the top of the plot.
  const labelY = y - plot.top < 16 ? y + 16 : y - 5;
  return html`<g class="chart-reference"><line x1="${plot.left}" x2="${plot.right}" y1="${y}" y2="${y}" stroke-dasharray="6 4"></line><text class="chart-label" x="${plot.right - 4}" y="${round(labelY)}" text-anchor="end">${props.reference.label}</text></g>`;
}

function svg(props: ChartProps, marks: (top: number) => Html): Html {
  const scale = topOf(props);
  const top = scale[scale.length - 1]!;
  return html`<svg class="chart-svg" viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-labelledby="${props.id}-title" aria-describedby="${props.id}-desc" direction="ltr">
<title id="${props.id}-title">${props.title}</title>
<desc id="${props.id}-desc">${props.description}</desc>
${axes(props, scale)}
${reference(props, top)}
${marks(top)}
</svg>`;
}

function legend(props: ChartProps): Html {
  if (props.series.length < 2) return html``;
  return html`<ul class="chart-legend">${props.series.map(
    (series, index) => html`<li><span class="chart-swatch series-${index + 1}" aria-hidden="true"></span>${series.label}</li>`,
  )}</ul>`;
}

/** A line per series, broken where a value is missing; every value also gets a dot, so a lone week shows. */
export function lineChart(props: ChartProps): Html {
  const { middle } = band(props.xLabels.length);
  return html`${svg(props, (top) =>
    html`${props.series.map((series, index) => {
      const segments = runs(series.values);
      return html`<g class="chart-series series-${index + 1}">${segments.map((segment) =>
        segment.length < 2 ? '' : html`<polyline class="chart-line" fill="none" points="${segment.map((point) => `${round(middle(point.index))},${round(yOf(point.value, top))}`).join(' ')}"></polyline>`,
      )}${segments.flat().map(
        (point) => html`<circle class="chart-point" cx="${round(middle(point.index))}" cy="${round(yOf(point.value, top))}" r="3.5" data-index="${point.index}" data-value="${point.value}"></circle>`,
      )}</g>`;
    })}`,
  )}${legend(props)}`;
}

/** Bars side by side in each x value's band; a missing value leaves its place empty. */
export function barChart(props: ChartProps): Html {
  const { width, middle } = band(props.xLabels.length);
  const count = props.series.length;
  const barWidth = Math.min(28, (width * 0.7) / count);
  return html`${svg(props, (top) =>
    html`${props.series.map((series, index) => {
      const offset = (index - count / 2) * barWidth;
      return html`<g class="chart-series series-${index + 1}">${series.values.map((value, at) => {
        if (value === null) return '';
        const y = round(yOf(value, top));
        return html`<rect class="chart-bar" x="${round(middle(at) + offset)}" y="${y}" width="${round(barWidth)}" height="${round(plot.bottom - y)}" data-index="${at}" data-value="${value}"></rect>`;
      })}</g>`;
    })}`,
  )}${legend(props)}`;
}
