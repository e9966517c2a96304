import { nativeName, shippedLocales } from '../../src/i18n/catalog.js';
import type { CommunityLocale } from '../../src/i18n/community.js';
import { timeZoneNames } from '../../src/i18n/time-zones.js';
import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';

/** What the member chose (an empty string is "the community's default"), and that default. */
export type LocaleChoice = { locale: string; timeZone: string; community: CommunityLocale };

const languages = shippedLocales.map((tag) => ({ tag, name: nativeName(tag) }));
const zones = timeZoneNames();

const selected = (value: string, chosen: string) => (value === chosen ? html` selected` : '');

function select(props: { name: string; label: string; hint?: string; error: string | undefined; options: Html }): Html {
  const id = `field-${props.name}`;
  const described = [props.hint ? `${id}-hint` : '', props.error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field${props.error ? ' has-error' : ''}">
  <label for="${id}">${props.label}</label>
  ${props.hint ? html`<p class="hint" id="${id}-hint">${props.hint}</p>` : ''}
  <select id="${id}" name="${props.name}"${described ? html` aria-describedby="${described}"` : ''}${props.error ? html` aria-invalid="true"` : ''}>${props.options}</select>
  ${props.error ? html`<p class="field-error" id="${id}-error">${props.error}</p>` : ''}
</div>`;
}

/** The member's interface language (each named in itself) and the time zone dates are shown in. */
export function localeSection(i18n: I18n, choice: LocaleChoice, errors: Record<string, string | undefined>): Html {
  const languageOptions = html`<option value=""${selected('', choice.locale)}>${i18n.t('account.communityDefault', { value: nativeName(choice.community.locale) })}</option>${languages.map(
    ({ tag, name }) => html`<option value="${tag}" lang="${tag}"${selected(tag, choice.locale)}>${name}</option>`,
  )}`;
  const zoneOptions = html`<option value=""${selected('', choice.timeZone)}>${i18n.t('account.communityDefault', { value: choice.community.timeZone })}</option>${zones.map(
    (zone) => html`<option value="${zone}"${selected(zone, choice.timeZone)}>${zone}</option>`,
  )}`;
  return html`<section aria-labelledby="locale-heading">
  <h2 id="locale-heading">${i18n.t('account.localeHeading')}</h2>
  <form method="post" action="/account/locale" class="post-form">
    ${select({ name: 'locale', label: i18n.t('layout.language'), error: errors['locale'], options: languageOptions })}
    ${select({ name: 'timeZone', label: i18n.t('account.timeZone'), hint: i18n.t('account.timeZoneHint'), error: errors['timeZone'], options: zoneOptions })}
    <button type="submit">${i18n.t('account.saveLocale')}</button>
  </form>
</section>`;
}
