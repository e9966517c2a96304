import type { I18n } from '../../src/i18n/translator.js';
import type { PostChoice } from '../../src/privacy/erase-posts.js';
import { html, type Html } from '../html.js';
import { errorSummary, type FieldErrors } from './form.js';

// An admin's erasure of a member's account, for a request that reached them by email: shown on
// the member's team page to admins only, with a confirmation box.

export type EraseAccountPanel = { choices: PostChoice[]; errors: FieldErrors; posts?: string };

export function eraseAccountSection(i18n: I18n, username: string, panel: EraseAccountPanel): Html {
  const confirmError = panel.errors['confirm'];
  const postsError = panel.errors['posts'];
  return html`<section aria-labelledby="erase-heading" class="danger-zone">
  <h2 id="erase-heading">${i18n.t('privacy.eraseHeading')}</h2>
  <p>${i18n.t('privacy.eraseIntro')}</p>
  <form method="post" action="/mod/users/${encodeURIComponent(username)}/erase" class="sanction-form">
    ${errorSummary(i18n, panel.errors)}
    <fieldset${postsError ? html` aria-describedby="erase-posts-error"` : ''}>
      <legend>${i18n.t('privacy.postsLegend')}</legend>
      ${postsError ? html`<p class="field-error" id="erase-posts-error">${postsError}</p>` : ''}
      ${panel.choices.map(
        (choice) => html`<label><input type="radio" name="posts" value="${choice}" required${panel.posts === choice || panel.choices.length === 1 ? html` checked` : ''}> ${i18n.t(choice === 'anonymize' ? 'privacy.postsAnonymize' : 'privacy.postsDelete')}</label><br>`,
      )}
    </fieldset>
    <div class="field${confirmError ? ' has-error' : ''}">
      <label><input type="checkbox" name="confirm" value="yes" required${confirmError ? html` aria-invalid="true" aria-describedby="erase-confirm-error"` : ''}> ${i18n.t('privacy.eraseConfirm')}</label>
      ${confirmError ? html`<p class="field-error" id="erase-confirm-error">${confirmError}</p>` : ''}
    </div>
    <button type="submit" class="danger">${i18n.t('privacy.eraseSubmit')}</button>
  </form>
</section>`;
}
