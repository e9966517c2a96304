import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';

/** The member's picture on /account: the current one (if any), a file field to replace it, and a way to remove it. */
export function avatarSection(i18n: I18n, avatarUrl: string | null, error: string | undefined): Html {
  return html`<section aria-labelledby="avatar-heading">
  <h2 id="avatar-heading">${i18n.t('avatar.heading')}</h2>
  ${avatarUrl ? html`<p><img class="avatar-preview" src="${avatarUrl}" width="96" height="96" alt="${i18n.t('avatar.current')}"></p>` : html`<p class="muted">${i18n.t('avatar.none')}</p>`}
  <form method="post" action="/account/avatar" class="post-form" enctype="multipart/form-data">
    <div class="field${error ? ' has-error' : ''}">
      <label for="field-avatar">${i18n.t('avatar.label')}</label>
      <p class="hint" id="field-avatar-hint">${i18n.t('avatar.hint')}</p>
      <input type="file" id="field-avatar" name="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" required aria-describedby="field-avatar-hint${error ? ' field-avatar-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
      ${error ? html`<p class="field-error" id="field-avatar-error">${error}</p>` : ''}
    </div>
    <button type="submit">${i18n.t('avatar.upload')}</button>
  </form>
  ${avatarUrl ? html`<form method="post" action="/account/avatar/remove"><button type="submit" class="button-secondary">${i18n.t('avatar.remove')}</button></form>` : ''}
</section>`;
}
