import type { I18n } from '../../src/i18n/translator.js';
import type { Insights } from '../../src/insights/types.js';
import { modNav } from '../components/mod-nav.js';
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

/** The insights dashboard. */
export function modInsightsPage(props: ModInsightsProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('insights.heading')}</h1>
${modNav(i18n, 'insights', props.isAdmin)}`;
}
