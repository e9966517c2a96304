import { keptText } from '../components/form.js';
import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';

export type KeptText = { name: string; label: string; value: string };

export type ErrorPageProps = {
  i18n: I18n;
  status: number;
  heading: string;
  message: string;
  requestId?: string;
  /** What the person typed into a form that was refused, given back to copy. */
  kept?: KeptText[];
  /** Where to go back to, when it is not the home page. */
  back?: { href: string; label: string };
};

export function errorPage(props: ErrorPageProps): Html {
  const { i18n } = props;
  const kept = (props.kept ?? []).filter((text) => text.value.trim() !== '');
  return html`<section class="error-page" aria-labelledby="error-heading">
  <p class="error-status">${i18n.t('error.status', { status: props.status })}</p>
  <h1 id="error-heading">${props.heading}</h1>
  <p>${props.message}</p>
  ${kept.length > 0 ? html`<p>${i18n.t('error.keptIntro')}</p>${kept.map((text) => keptText(text))}` : ''}
  <p>${props.back ? html`<a href="${props.back.href}">${props.back.label}</a> · ` : ''}<a href="/">${i18n.t('error.backHome')}</a></p>
  ${props.requestId ? html`<p class="muted">${i18n.t('error.reference', { requestId: props.requestId })}</p>` : ''}
</section>`;
}
