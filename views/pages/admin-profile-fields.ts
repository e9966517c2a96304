import type { I18n } from '../../src/i18n/translator.js';
import { FIELD_LABEL_MAX } from '../../src/profiles/profile-text.js';
import type { ProfileFieldSettings } from '../../src/profiles/profile-fields.js';
import { errorSummary, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type ProfileFieldsProps = {
  i18n: I18n;
  fields: ProfileFieldSettings[];
  /** A refused label, shown back where it was typed: `fieldId` null for the new-field form. */
  failed?: { fieldId: number | null; errors: FieldErrors; label: string };
};

/** A label input with its own id (one per form on the page) and its error tied to it. */
function labelInput(i18n: I18n, id: string, value: string, error: string | undefined): Html {
  return html`<div class="field${error ? ' has-error' : ''}">
  <label for="${id}">${i18n.t('admin.profileFields.labelLabel')}</label>
  <input id="${id}" name="label" value="${value}" required maxlength="${FIELD_LABEL_MAX}" dir="auto"${error ? html` aria-invalid="true" aria-describedby="${id}-error"` : ''}>
  ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : ''}
</div>`;
}

function fieldRow(i18n: I18n, field: ProfileFieldSettings, place: { first: boolean; last: boolean }, failed: ProfileFieldsProps['failed']): Html {
  const mine = failed?.fieldId === field.id ? failed : undefined;
  const name = html`<bdi>${field.label}</bdi>`;
  const move = (direction: 'up' | 'down', label: Html) => html`<form method="post" action="/admin/profile-fields/${field.id}/move" class="inline-form">
    <input type="hidden" name="direction" value="${direction}"><button type="submit" class="button-secondary">${label}</button></form>`;
  return html`<li class="profile-field-settings">
  <form method="post" action="/admin/profile-fields/${field.id}" class="post-form">
    ${labelInput(i18n, `profile-field-${field.id}`, mine?.label ?? field.label, mine?.errors['label'])}
    <p class="hint">${i18n.t('admin.profileFields.answers', { count: field.answers })}</p>
    <button type="submit" class="button-secondary">${rich(i18n, 'admin.profileFields.rename', { name })}</button>
  </form>
  <div class="category-actions">
    ${place.first ? '' : move('up', rich(i18n, 'admin.categories.moveUp', { name }))}
    ${place.last ? '' : move('down', rich(i18n, 'admin.categories.moveDown', { name }))}
    <a class="button button-secondary danger" href="/admin/profile-fields/${field.id}/remove">${rich(i18n, 'admin.profileFields.remove', { name })}</a>
  </div>
</li>`;
}

export function profileFieldsPage(props: ProfileFieldsProps): Html {
  const { i18n, fields, failed } = props;
  const adding = failed?.fieldId === null ? failed : undefined;
  return html`<h1>${i18n.t('admin.profileFields.heading')}</h1>
${modNav(i18n, 'profile-fields', true)}
<p class="lead">${i18n.t('admin.profileFields.lead')}</p>
${fields.length === 0
  ? html`<p class="empty">${i18n.t('admin.profileFields.none')}</p>`
  : html`<ol class="profile-field-list">${fields.map((field, index) => fieldRow(i18n, field, { first: index === 0, last: index === fields.length - 1 }, failed))}</ol>`}
<form method="post" action="/admin/profile-fields" class="post-form" aria-labelledby="new-profile-field-heading">
  <h2 id="new-profile-field-heading">${i18n.t('admin.profileFields.addHeading')}</h2>
  ${errorSummary(i18n, adding?.errors ?? {})}
  ${labelInput(i18n, 'new-profile-field', adding?.label ?? '', adding?.errors['label'])}
  <button type="submit">${i18n.t('admin.profileFields.add')}</button>
</form>`;
}

/** Removing deletes every member's answer: said plainly, with the count, before it happens. */
export function removeProfileFieldPage(props: { i18n: I18n; field: ProfileFieldSettings }): Html {
  const { i18n, field } = props;
  return html`<h1>${rich(i18n, 'admin.profileFields.removeHeading', { name: html`<bdi>${field.label}</bdi>` })}</h1>
<p>${i18n.t('admin.profileFields.removeWarning', { count: field.answers })}</p>
<form method="post" action="/admin/profile-fields/${field.id}/remove" class="inline-form">
  <button type="submit" class="danger">${i18n.t('admin.profileFields.removeConfirm')}</button>
</form>
<a href="/admin/profile-fields">${i18n.t('admin.profileFields.keep')}</a>`;
}
