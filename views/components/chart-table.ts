import { html, type Html } from '../html.js';

export type ChartTableProps = {
  caption: string;
  /** What "show the numbers" reads; the table is open at first and may be folded away. */
  toggle: string;
  rowHeading: string;
  rows: readonly string[];
  columns: ReadonlyArray<{ heading: string; cells: readonly string[] }>;
};

/**
 * A chart's numbers as a real table, next to it: what a screen reader reads and what anyone reads
 * exactly. Open by default (ADR 0046) so nothing is hidden from those who cannot see the chart.
 */
export function chartTable(props: ChartTableProps): Html {
  return html`<details class="chart-numbers" open>
<summary>${props.toggle}</summary>
<div class="table-wrap"><table class="mod-table">
<caption class="visually-hidden">${props.caption}</caption>
<thead><tr><th scope="col">${props.rowHeading}</th>${props.columns.map((column) => html`<th scope="col" class="number">${column.heading}</th>`)}</tr></thead>
<tbody>${props.rows.map(
    (row, index) => html`<tr><th scope="row">${row}</th>${props.columns.map((column) => html`<td class="number">${column.cells[index]}</td>`)}</tr>`,
  )}</tbody>
</table></div>
</details>`;
}
