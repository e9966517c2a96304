import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type EmbedComposeProps = {
  i18n: I18n;
  /** Where the frame's script sends the text: a reply, or the start of an article's discussion. */
  kind: 'reply' | 'start';
  path: string;
  /** The article's address, for starting its discussion. */
  article?: string;
};

/**
 * Writing inside the frame: hidden until the frame's script shows it (the sandbox allows no form
 * submission, so the script sends it). Signed out it offers the sign-in popup; signed in, the
 * text box. Links to the community stay for readers without the script.
 */
export function embedCompose(props: EmbedComposeProps): Html {
  const { i18n } = props;
  const reply = props.kind === 'reply';
  const field = reply ? 'body' : 'question';
  return html`<section class="embed-compose" data-post="${props.path}" data-field="${field}"${props.article ? html` data-article="${props.article}"` : ''} data-network-error="${i18n.t('embedCompose.networkError')}" hidden>
  ${reply ? '' : html`<h2 class="embed-compose-heading">${i18n.t('embedStart.offer')}</h2>`}
  <p class="embed-compose-signed-out" hidden><button type="button" class="embed-compose-button" data-action="sign-in">${i18n.t(reply ? 'embedCompose.signIn' : 'embedStart.signIn')}</button></p>
  <div class="embed-compose-signed-in" hidden>
    <p class="embed-compose-who">${rich(i18n, 'embedCompose.signedInAs', { username: html`<strong data-username dir="auto"></strong>` })}</p>
    <label for="embed-compose-text">${i18n.t(reply ? 'embedCompose.yourReply' : 'embedStart.yourQuestion')}</label>
    <textarea id="embed-compose-text" name="${field}" rows="4" dir="auto"></textarea>
    <p class="embed-compose-error" role="alert" hidden></p>
    <p class="embed-compose-notice" role="status" hidden></p>
    <p><button type="button" class="embed-compose-button" data-action="send">${i18n.t(reply ? 'embedCompose.post' : 'embedStart.post')}</button></p>
  </div>
</section>`;
}
