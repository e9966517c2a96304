import { nativeName, shippedLocales } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';

export type LocalePageProps = { i18n: I18n; selected: string; next: string; error?: string };

/** The language chooser: each language named in itself, the likely one preselected. */
export function localePage(props: LocalePageProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('locale.heading')}</h1>
<p class="lead">${i18n.t('locale.intro')}</p>
<form method="post" action="/locale">
  ${props.error ? html`<div class="error-summary" role="alert"><p>${props.error}</p></div>` : ''}
  <fieldset class="field">
    <legend>${i18n.t('layout.language')}</legend>
    ${shippedLocales.map(
      (tag) => html`<label><input type="radio" name="locale" value="${tag}"${tag === props.selected ? ' checked' : ''}> <span lang="${tag}" dir="auto">${nativeName(tag)}</span></label><br>`,
    )}
  </fieldset>
  <input type="hidden" name="next" value="${props.next}">
  <button type="submit" class="button">${i18n.t('locale.choose')}</button>
</form>`;
}
