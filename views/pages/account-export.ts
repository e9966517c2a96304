import type { I18n } from '../../src/i18n/translator.js';
import type { ExportView } from '../../src/privacy/exports.js';
import type { MessageKey } from '../../src/i18n/catalog.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';

export type ExportPageProps = {
  i18n: I18n;
  exports: ExportView[];
  /** When the member may ask again; null when they may now. */
  nextAt: number | null;
  notice?: string;
};

const STATES: Record<ExportView['status'], MessageKey> = {
  pending: 'privacy.exportPending',
  ready: 'privacy.exportReady',
  failed: 'privacy.exportFailed',
  expired: 'privacy.exportExpired',
};

function exportRow(i18n: I18n, row: ExportView): Html {
  const size = row.bytes === null ? '' : html` · ${i18n.t('privacy.exportSize', { kilobytes: Math.max(1, Math.round(row.bytes / 1024)) })}`;
  const until = row.status === 'ready' && row.expiresAt !== null ? html` · ${i18n.t('privacy.exportUntil')} ${time(i18n, row.expiresAt)}` : '';
  return html`<li>${time(i18n, row.createdAt)} · <strong>${i18n.t(STATES[row.status])}</strong>${size}${until}</li>`;
}

export function exportPage(props: ExportPageProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('privacy.exportHeading')}</h1>
${props.notice ? html`<p class="notice" role="status">${props.notice}</p>` : ''}
<p>${i18n.t('privacy.exportIntro')}</p>
${props.nextAt === null
  ? html`<form method="post" action="/account/export"><button type="submit">${i18n.t('privacy.exportSubmit')}</button></form>`
  : html`<p class="hint">${i18n.t('privacy.exportWait', { when: i18n.dateTime(props.nextAt) })}</p>`}
<section aria-labelledby="exports-heading">
  <h2 id="exports-heading">${i18n.t('privacy.exportsHeading')}</h2>
  ${props.exports.length === 0 ? html`<p class="muted">${i18n.t('privacy.exportsNone')}</p>` : html`<ul>${props.exports.map((row) => exportRow(i18n, row))}</ul>`}
  <p class="hint">${i18n.t('privacy.exportLinkHint')}</p>
</section>
<p><a href="/account">${i18n.t('privacy.backToAccount')}</a></p>`;
}
