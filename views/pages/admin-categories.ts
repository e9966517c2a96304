import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { CategorySettings } from '../../src/moderation/settings.js';
import type { FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type CategorySettingsProps = { i18n: I18n; categories: CategorySettings[]; failed?: { categoryId: number; errors: FieldErrors } };

type Choices = readonly (readonly [string, MessageKey])[];

const modes: Choices = [
  ['open', 'admin.categories.modeOpen'],
  ['new-members', 'admin.categories.modeNewMembers'],
  ['all', 'admin.categories.modeAll'],
];
const kinds: Choices = [
  ['discussion', 'admin.categories.kindDiscussion'],
  ['questions', 'admin.categories.kindQuestions'],
];

const CREATE_COMMAND = 'npm run cli -- category:create';

function select(i18n: I18n, name: string, id: string, current: string, choices: Choices): Html {
  return html`<select id="${id}" name="${name}">${choices.map(([value, label]) =>
    value === current ? html`<option value="${value}" selected>${i18n.t(label)}</option>` : html`<option value="${value}">${i18n.t(label)}</option>`,
  )}</select>`;
}

function categoryForm(i18n: I18n, category: CategorySettings, errors: FieldErrors | undefined): Html {
  const id = `category-${category.id}`;
  const messages = errors ? Object.values(errors).filter(Boolean) : [];
  return html`<form method="post" action="/admin/categories/${category.id}" class="category-settings" aria-labelledby="${id}-name">
  <h2 id="${id}-name"><a href="/c/${category.slug}" dir="auto">${category.name}</a></h2>
  ${messages.length > 0 ? html`<div class="error-summary" role="alert">${messages.map((message) => html`<p>${message}</p>`)}</div>` : ''}
  <div class="field"><label for="${id}-moderation">${i18n.t('admin.categories.moderationLabel')}</label>${select(i18n, 'moderation', `${id}-moderation`, category.moderation, modes)}</div>
  <div class="field"><label for="${id}-kind">${i18n.t('admin.categories.kindLabel')}</label>${select(i18n, 'kind', `${id}-kind`, category.kind, kinds)}</div>
  <button type="submit" class="button-secondary">${rich(i18n, 'admin.categories.save', { name: html`<bdi>${category.name}</bdi>` })}</button>
</form>`;
}

export function categorySettingsPage(props: CategorySettingsProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('admin.categories.heading')}</h1>
${modNav(i18n, 'categories', true)}
<p class="lead">${i18n.t('admin.categories.lead')}</p>
${props.categories.length === 0
  ? html`<p class="empty">${rich(i18n, 'admin.categories.none', { command: html`<code>${CREATE_COMMAND}</code>` })}</p>`
  : html`<div class="category-settings-list">${props.categories.map((category) => categoryForm(i18n, category, props.failed?.categoryId === category.id ? props.failed.errors : undefined))}</div>`}`;
}
