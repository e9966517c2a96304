import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { CategorySettings } from '../../src/moderation/settings.js';
import { targetReplyParts } from '../../src/moderation/target-reply-time.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { voteLimitForm } from '../components/idea-vote-limit-form.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { pollCreatorsForm } from '../components/poll-creators-form.js';

/** A refused form's values as typed, shown back in place of the stored ones. */
export type CategoryFormValues = { name: string; description: string; kind: string; moderation: string; targetValue: string; targetUnit: string };
/** The new-category form as typed. */
export type NewCategoryValues = CategoryFormValues & { slug: string };
export type CategorySettingsProps = {
  i18n: I18n;
  categories: CategorySettings[];
  failed?: { categoryId: number; errors: FieldErrors; values: CategoryFormValues };
  /** A refused new category, shown back with its errors. */
  creating?: { errors: FieldErrors; values: NewCategoryValues };
};

const emptyNewCategory: NewCategoryValues = { name: '', slug: '', description: '', kind: 'discussion', moderation: 'new-members', targetValue: '24', targetUnit: 'hours' };

/** Adding a category: its name, address and description, then the same settings as the others. */
function newCategoryForm(i18n: I18n, creating: CategorySettingsProps['creating']): Html {
  const values = creating?.values ?? emptyNewCategory;
  const errors = creating?.errors ?? {};
  const id = 'new-category';
  return html`<form method="post" action="/admin/categories" class="post-form category-settings" aria-labelledby="${id}-heading">
  <h2 id="${id}-heading">${i18n.t('admin.categories.createHeading')}</h2>
  ${errorSummary(i18n, errors)}
  ${field({ name: 'name', label: i18n.t('admin.categories.nameLabel'), value: values.name, error: errors['name'], required: true, maxlength: 60, dir: 'auto' })}
  ${field({ name: 'slug', label: i18n.t('admin.categories.slugLabel'), value: values.slug, error: errors['slug'], maxlength: 40, hint: i18n.t('admin.categories.slugHint') })}
  ${field({ name: 'description', label: i18n.t('admin.categories.descriptionLabel'), value: values.description, error: errors['description'], maxlength: 500, dir: 'auto' })}
  <div class="field"><label for="${id}-moderation">${i18n.t('admin.categories.moderationLabel')}</label>${select(i18n, 'moderation', `${id}-moderation`, values.moderation, modes)}</div>
  <div class="field"><label for="${id}-kind">${i18n.t('admin.categories.kindLabel')}</label>${select(i18n, 'kind', `${id}-kind`, values.kind, kinds)}</div>
  ${targetField(i18n, id, values, errors['target'])}
  <button type="submit">${i18n.t('admin.categories.create')}</button>
</form>`;
}

type Choices = readonly (readonly [string, MessageKey])[];

const modes: Choices = [
  ['open', 'admin.categories.modeOpen'],
  ['new-members', 'admin.categories.modeNewMembers'],
  ['all', 'admin.categories.modeAll'],
];
const kinds: Choices = [
  ['discussion', 'admin.categories.kindDiscussion'],
  ['questions', 'admin.categories.kindQuestions'],
  ['ideas', 'admin.categories.kindIdeas'],
];

const units: Choices = [
  ['minutes', 'admin.categories.unitMinutes'],
  ['hours', 'admin.categories.unitHours'],
  ['days', 'admin.categories.unitDays'],
];

const CREATE_COMMAND = 'npm run cli -- category:create';

function select(i18n: I18n, name: string, id: string, current: string, choices: Choices, label?: string): Html {
  return html`<select id="${id}" name="${name}"${label ? html` aria-label="${label}"` : ''}>${choices.map(([value, label]) =>
    value === current ? html`<option value="${value}" selected>${i18n.t(label)}</option>` : html`<option value="${value}">${i18n.t(label)}</option>`,
  )}</select>`;
}

function storedValues(category: CategorySettings): CategoryFormValues {
  const target = targetReplyParts(category.targetReplyMinutes);
  return { name: category.name, description: category.description, kind: category.kind, moderation: category.moderation, targetValue: target.value, targetUnit: target.unit };
}

/** The target reply time: a number and its unit, one field for people and assistive technology. */
function targetField(i18n: I18n, id: string, values: CategoryFormValues, error: string | undefined): Html {
  return html`<fieldset class="field target-field${error ? ' has-error' : ''}" aria-describedby="${id}-target-hint">
  <legend>${i18n.t('admin.categories.targetLabel')}</legend>
  <p class="hint" id="${id}-target-hint">${i18n.t('admin.categories.targetHint')}</p>
  ${error ? html`<p class="field-error" role="alert">${error}</p>` : ''}
  <input id="${id}-target" name="targetValue" inputmode="numeric" size="6" maxlength="6" required value="${values.targetValue}" aria-label="${i18n.t('admin.categories.targetNumber')}"${error ? html` aria-invalid="true"` : ''}>
  ${select(i18n, 'targetUnit', `${id}-target-unit`, values.targetUnit, units, i18n.t('admin.categories.targetUnit'))}
</fieldset>`;
}

const inline = new Set(['name', 'description', 'target']);

/** A text input with its label and error, ids unique per category's form. */
function textInput(id: string, name: string, label: string, value: string, error: string | undefined, maxlength: number): Html {
  return html`<div class="field${error ? ' has-error' : ''}"><label for="${id}-${name}">${label}</label>
  <input id="${id}-${name}" name="${name}" value="${value}" maxlength="${maxlength}" dir="auto"${name === 'name' ? html` required` : ''}${error ? html` aria-invalid="true" aria-describedby="${id}-${name}-error"` : ''}>
  ${error ? html`<p class="field-error" id="${id}-${name}-error">${error}</p>` : ''}</div>`;
}

function categoryForm(i18n: I18n, category: CategorySettings, failed: { errors: FieldErrors; values: CategoryFormValues } | undefined): Html {
  const id = `category-${category.id}`;
  const values = failed?.values ?? storedValues(category);
  const errors = failed?.errors ?? {};
  // Name, description and target show their errors beside them; the choices' errors go on top.
  const messages = Object.entries(errors).filter(([name, message]) => !inline.has(name) && message).map(([, message]) => message);
  return html`<form method="post" action="/admin/categories/${category.id}" aria-labelledby="${id}-heading">
  ${messages.length > 0 ? html`<div class="error-summary" role="alert">${messages.map((message) => html`<p>${message}</p>`)}</div>` : ''}
  ${textInput(id, 'name', i18n.t('admin.categories.nameLabel'), values.name, errors['name'], 60)}
  <p class="hint">${rich(i18n, 'admin.categories.slugKept', { path: html`<code>/c/${category.slug}</code>` })}</p>
  ${textInput(id, 'description', i18n.t('admin.categories.descriptionLabel'), values.description, errors['description'], 500)}
  <div class="field"><label for="${id}-moderation">${i18n.t('admin.categories.moderationLabel')}</label>${select(i18n, 'moderation', `${id}-moderation`, values.moderation, modes)}</div>
  <div class="field"><label for="${id}-kind">${i18n.t('admin.categories.kindLabel')}</label>${select(i18n, 'kind', `${id}-kind`, values.kind, kinds)}
  <p class="hint">${i18n.t('admin.categories.kindHint')}</p></div>
  ${targetField(i18n, id, values, errors['target'])}
  <button type="submit" class="button-secondary">${rich(i18n, 'admin.categories.save', { name: html`<bdi>${category.name}</bdi>` })}</button>
</form>`;
}

/** Move up and down, archive and reopen: plain forms, one button each, that work without JavaScript. */
function categoryActions(i18n: I18n, category: CategorySettings, place: { first: boolean; last: boolean }): Html {
  const name = html`<bdi>${category.name}</bdi>`;
  const button = (action: string, label: Html, field?: [string, string]) => html`<form method="post" action="/admin/categories/${category.id}/${action}" class="inline-form">
    ${field ? html`<input type="hidden" name="${field[0]}" value="${field[1]}">` : ''}<button type="submit" class="button-secondary">${label}</button></form>`;
  return html`<div class="category-actions">
  ${place.first ? '' : button('move', rich(i18n, 'admin.categories.moveUp', { name }), ['direction', 'up'])}
  ${place.last ? '' : button('move', rich(i18n, 'admin.categories.moveDown', { name }), ['direction', 'down'])}
  ${category.archivedAt === null ? button('archive', rich(i18n, 'admin.categories.archive', { name })) : button('unarchive', rich(i18n, 'admin.categories.unarchive', { name }))}
</div>`;
}

function categorySection(i18n: I18n, category: CategorySettings, place: { first: boolean; last: boolean }, failed: CategorySettingsProps['failed']): Html {
  const id = `category-${category.id}`;
  return html`<section class="category-settings" aria-labelledby="${id}-heading">
  <h2 id="${id}-heading"><a href="/c/${category.slug}" dir="auto">${category.name}</a></h2>
  ${category.archivedAt !== null ? html`<p class="notice">${i18n.t('admin.categories.archivedNote')}</p>` : ''}
  ${categoryForm(i18n, category, failed?.categoryId === category.id ? failed : undefined)}
  ${pollCreatorsForm(i18n, category)}
  ${category.kind === 'ideas' ? voteLimitForm(i18n, category) : ''}
  ${categoryActions(i18n, category, place)}
</section>`;
}

export function categorySettingsPage(props: CategorySettingsProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('admin.categories.heading')}</h1>
${modNav(i18n, 'categories', true)}
<p class="lead">${i18n.t('admin.categories.lead')}</p>
${props.categories.length === 0
  ? html`<p class="empty">${rich(i18n, 'admin.categories.none', { command: html`<code>${CREATE_COMMAND}</code>` })}</p>`
  : html`<div class="category-settings-list">${props.categories.map((category, index) => categorySection(i18n, category, { first: index === 0, last: index === props.categories.length - 1 }, props.failed))}</div>`}
${newCategoryForm(i18n, props.creating)}`;
}
