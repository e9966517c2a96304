import { nativeName, shippedLocales } from '../../src/i18n/catalog.js';
import { timeZoneNames } from '../../src/i18n/time-zones.js';
import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';

export type CommunityLanguageProps = { i18n: I18n; values: { locale: string; timeZone: string }; errors: FieldErrors };

// ~420 zones: the options are the same on every request, so only the selected one is marked per page.
let zoneOptions: { name: string; option: Html }[] | undefined;

function timeZoneSelect(selected: string, described: string): Html {
  zoneOptions ??= timeZoneNames().map((name) => ({ name, option: html`<option>${name}</option>` }));
  const options = zoneOptions.map(({ name, option }) => (name === selected ? html`<option selected>${name}</option>` : option));
  return html`<select id="field-timeZone" name="timeZone" aria-describedby="${described}">${options}</select>`;
}

function languageChoices(i18n: I18n, props: CommunityLanguageProps): Html {
  const error = props.errors['locale'];
  return html`<fieldset class="field${error ? ' has-error' : ''}">
  <legend>${i18n.t('language.localeLabel')}</legend>
  ${shippedLocales.map(
    (tag) => html`<label><input type="radio" name="locale" value="${tag}"${tag === props.values.locale ? html` checked` : ''} required> <span lang="${tag}" dir="auto">${nativeName(tag)}</span></label><br>`,
  )}
  ${error ? html`<p class="field-error" role="alert">${error}</p>` : ''}
</fieldset>`;
}

/** Admin → Language: the community's default language and time zone. */
export function communityLanguagePage(props: CommunityLanguageProps): Html {
  const { i18n, errors } = props;
  const zoneError = errors['timeZone'];
  const described = zoneError ? 'field-timeZone-hint field-timeZone-error' : 'field-timeZone-hint';
  return html`<h1>${i18n.t('language.heading')}</h1>
${modNav(i18n, 'language', true)}
<p class="lead">${i18n.t('language.lead')}</p>
<form method="post" action="/admin/language" class="post-form">
  ${errorSummary(i18n, errors)}
  ${languageChoices(i18n, props)}
  <div class="field${zoneError ? ' has-error' : ''}">
    <label for="field-timeZone">${i18n.t('language.timeZoneLabel')}</label>
    <p class="hint" id="field-timeZone-hint">${i18n.t('language.timeZoneHint')}</p>
    ${timeZoneSelect(props.values.timeZone, described)}
    ${zoneError ? html`<p class="field-error" id="field-timeZone-error">${zoneError}</p>` : ''}
  </div>
  <button type="submit">${i18n.t('language.save')}</button>
</form>`;
}
