import type { I18n } from '../../src/i18n/translator.js';
import { html, scriptNonce, type Html } from '../html.js';

export type EmbedSignInProps = { i18n: I18n; username: string; code: string };

/**
 * The sign-in popup's last page: hands the code to the frame that opened it (its own origin, the
 * community's) and closes. The code sits in the page, never in a URL that could be logged.
 */
export function embedSignInDone(props: EmbedSignInProps): Html {
  const { i18n } = props;
  return html`<section class="embed-sign-in" id="embed-sign-in" data-code="${props.code}">
  <h1>${i18n.t('embedSignIn.done.heading', { username: props.username })}</h1>
  <p>${i18n.t('embedSignIn.done.message')}</p>
</section>
<script src="/static/embed-sign-in.js"${scriptNonce}></script>`;
}

export type EmbedSignInRefusedProps = { i18n: I18n; origin: string; siteName: string; homeUrl: string };

export function embedSignInRefused(props: EmbedSignInRefusedProps): Html {
  const { i18n } = props;
  return html`<section class="embed-sign-in">
  <h1>${i18n.t('embedSignIn.refused.heading')}</h1>
  <p>${i18n.t('embedSignIn.refused.message', { origin: props.origin, site: props.siteName })}</p>
  <p><a href="${props.homeUrl}">${i18n.t('embed.visitCommunity', { site: props.siteName })}</a></p>
</section>`;
}
