import type { I18n } from '../../src/i18n/translator.js';
import { html, scriptNonce, type Html } from '../html.js';
import { rich } from '../i18n.js';

/** The team's saved replies, and a name for this set of them (it keys the kept reply form). */
export type SavedReplyPicker = { version: string; choices: readonly { id: number; title: string; body: string }[] };

/**
 * Staff's saved-reply picker inside the reply form. Without JavaScript, "Insert" sends the form to
 * a preview step (intent=insert) that shows the page again with the reply added to the text typed
 * so far; static/saved-replies.js does the same in place, from each option's data-body.
 */
export function savedReplyPicker(i18n: I18n, picker: SavedReplyPicker, error?: string): Html {
  const manage = (text: Html) => html`<a href="/mod/saved-replies">${text}</a>`;
  if (picker.choices.length === 0) return html`<p class="hint saved-reply-none">${rich(i18n, 'savedReplies.noneYet', { link: manage })}</p>`;
  const described = error ? 'field-savedReply-hint field-savedReply-error' : 'field-savedReply-hint';
  return html`<div class="field saved-reply-picker${error ? ' has-error' : ''}">
  <label for="field-savedReply">${i18n.t('savedReplies.pickerLabel')}</label>
  <p class="hint" id="field-savedReply-hint">${rich(i18n, 'savedReplies.pickerHint', { link: manage })}</p>
  <div class="inline-form">
    <select id="field-savedReply" name="savedReply" aria-describedby="${described}"${error ? html` aria-invalid="true"` : ''}>
      <option value="">${i18n.t('savedReplies.choose')}</option>
      ${picker.choices.map((choice) => html`<option value="${choice.id}" data-body="${choice.body}">${choice.title}</option>`)}
    </select>
    <button type="submit" name="intent" value="insert" formnovalidate class="button-secondary saved-reply-insert">${i18n.t('savedReplies.insert')}</button>
  </div>
  ${error ? html`<p class="field-error" id="field-savedReply-error">${error}</p>` : ''}
  <script src="/static/saved-replies.js"${scriptNonce} defer></script>
</div>`;
}
