import type { I18n } from '../../src/i18n/translator.js';
import { errorSummary, field, textarea, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';

/** The form as typed (or as stored): empty fields fall back to the environment's defaults. */
export type AppearanceValues = { name: string; brandColor: string; logoUrl: string; links: { label: string; url: string }[]; footer: string };
export type AppearanceProps = {
  i18n: I18n;
  /** Uploaded animated GIFs stay animated; shown as a form of its own when given. */
  keepAnimation?: boolean;
  values: AppearanceValues;
  errors: FieldErrors;
  /** What an empty name or colour falls back to (SITE_NAME or the seed's name, BRAND_COLOR). */
  defaults: { name: string; brandColor: string };
  linksMax: number;
  footerMax: number;
};

/** Three label + address rows; empty rows are ignored. */
function linkRows(i18n: I18n, props: AppearanceProps): Html {
  const rows = Array.from({ length: props.linksMax }, (_, index) => props.values.links[index] ?? { label: '', url: '' });
  const error = props.errors['links'];
  return html`<fieldset class="field link-rows${error ? ' has-error' : ''}" aria-describedby="links-hint">
  <legend>${i18n.t('appearance.linksLabel')}</legend>
  <p class="hint" id="links-hint">${i18n.t('appearance.linksHint', { max: props.linksMax })}</p>
  ${error ? html`<p class="field-error" role="alert">${error}</p>` : ''}
  ${rows.map(
    (row, index) => html`<div class="link-row">
    <label for="link-label-${index}">${i18n.t('appearance.linkLabelField', { number: index + 1 })}</label>
    <input id="link-label-${index}" name="linkLabel" value="${row.label}" maxlength="40" dir="auto">
    <label for="link-url-${index}">${i18n.t('appearance.linkUrlField', { number: index + 1 })}</label>
    <input id="link-url-${index}" name="linkUrl" type="url" value="${row.url}" maxlength="500">
  </div>`,
  )}
</fieldset>`;
}

/** Admin → Appearance: the community's name, brand colour, logo, links back to the brand and footer. */
export function appearancePage(props: AppearanceProps): Html {
  const { i18n, values, errors } = props;
  return html`<h1>${i18n.t('appearance.heading')}</h1>
${modNav(i18n, 'appearance', true)}
<p class="lead">${i18n.t('appearance.lead')}</p>
<form method="post" action="/admin/appearance" class="post-form">
  ${errorSummary(i18n, errors)}
  ${field({ name: 'name', label: i18n.t('appearance.nameLabel'), value: values.name, error: errors['name'], maxlength: 60, dir: 'auto', hint: i18n.t('appearance.nameHint', { name: props.defaults.name }) })}
  ${field({ name: 'brandColor', label: i18n.t('appearance.colorLabel'), value: values.brandColor, error: errors['brandColor'], maxlength: 60, hint: i18n.t('appearance.colorHint', { color: props.defaults.brandColor }) })}
  ${field({ name: 'logoUrl', label: i18n.t('appearance.logoLabel'), value: values.logoUrl, error: errors['logoUrl'], maxlength: 500, hint: i18n.t('appearance.logoHint') })}
  ${linkRows(i18n, props)}
  ${textarea({ name: 'footer', label: i18n.t('appearance.footerLabel'), value: values.footer, error: errors['footer'], rows: 3, dir: 'auto', hint: i18n.t('appearance.footerHint', { max: props.footerMax }) })}
  <button type="submit">${i18n.t('appearance.save')}</button>
</form>
${props.keepAnimation === undefined ? '' : animatedImagesForm(i18n, props.keepAnimation)}`;
}

/** Whether uploaded animated GIFs stay animated (src/uploads/settings.ts); a form of its own, since it is not the site's look. */
function animatedImagesForm(i18n: I18n, keep: boolean): Html {
  const choice = (value: string, label: string, checked: boolean) =>
    html`<label class="choice"><input type="radio" name="animated" value="${value}"${checked ? html` checked` : ''}> ${label}</label>`;
  return html`<form method="post" action="/admin/appearance/animated-images" class="post-form">
  <fieldset>
    <legend>${i18n.t('appearance.animatedLegend')}</legend>
    ${choice('keep', i18n.t('appearance.animatedKeep'), keep)}
    ${choice('still', i18n.t('appearance.animatedStill'), !keep)}
  </fieldset>
  <button type="submit">${i18n.t('appearance.animatedSave')}</button>
</form>`;
}
