import type { I18n } from '../../src/i18n/translator.js';
import type { CsvTable } from '../../src/insights/csv-tables.js';
import type { Share } from '../../src/insights/types.js';
import { html, type Html } from '../html.js';
import { duration } from './duration.js';

// How the dashboard writes its figures, the same in its headline, tables and charts.

/** A time, or "no data" when nothing was measured (no question was answered in the period). */
export function timeOrNone(i18n: I18n, ms: number | null): string {
  return ms === null ? i18n.t('insightsPage.noData') : duration(i18n, ms);
}

/** A share as a percentage ("88%"), or "no data" when it is of nothing. */
export function percent(i18n: I18n, share: Share): string {
  return share.of === 0 ? i18n.t('insightsPage.noData') : i18n.t('insightsPage.percent', { share: share.count / share.of });
}

/** "88% (7 of 8)": the percentage with what it counts. */
export function shareText(i18n: I18n, share: Share): Html {
  if (share.of === 0) return html`<span class="muted">${i18n.t('insightsPage.noData')}</span>`;
  return html`${percent(i18n, share)} <span class="muted">${i18n.t('insightsPage.shareOf', { count: share.count, of: share.of })}</span>`;
}

/** The address of this page's figures as CSV, one table of them. */
export function csvHref(query: string, table: CsvTable): string {
  return `/mod/insights?${query ? `${query}&` : ''}format=csv&table=${table}`;
}

/** "Download CSV", named for the table it downloads so a list of links still says which is which. */
export function csvLink(i18n: I18n, query: string, table: CsvTable, tableName: string): Html {
  return html`<p class="csv-link"><a href="${csvHref(query, table)}" download>${i18n.t('insightsPage.downloadCsv')}<span class="visually-hidden"> ${tableName}</span></a></p>`;
}
