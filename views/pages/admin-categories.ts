import { legacyI18n } from '../legacy-i18n.js';
import type { CategorySettings } from '../../src/moderation/settings.js';
import type { FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { html, type Html } from '../html.js';

export type CategorySettingsProps = { categories: CategorySettings[]; failed?: { categoryId: number; errors: FieldErrors } };

const modes = [
  ['open', 'Open: posts appear at once'],
  ['new-members', 'New members wait: their first posts, and early posts with links, need approval'],
  ['all', 'Everyone waits: every member’s post needs approval'],
] as const;
const kinds = [
  ['discussion', 'Discussion'],
  ['questions', 'Questions (answers can solve a thread)'],
] as const;

function select(name: string, id: string, current: string, choices: readonly (readonly [string, string])[]): Html {
  return html`<select id="${id}" name="${name}">${choices.map(([value, label]) =>
    value === current ? html`<option value="${value}" selected>${label}</option>` : html`<option value="${value}">${label}</option>`,
  )}</select>`;
}

function categoryForm(category: CategorySettings, errors: FieldErrors | undefined): Html {
  const id = `category-${category.id}`;
  const messages = errors ? Object.values(errors).filter(Boolean) : [];
  return html`<form method="post" action="/admin/categories/${category.id}" class="category-settings" aria-labelledby="${id}-name">
  <h2 id="${id}-name"><a href="/c/${category.slug}">${category.name}</a></h2>
  ${messages.length > 0 ? html`<div class="error-summary" role="alert">${messages.map((message) => html`<p>${message}</p>`)}</div>` : ''}
  <div class="field"><label for="${id}-moderation">Approval before posts appear</label>${select('moderation', `${id}-moderation`, category.moderation, modes)}</div>
  <div class="field"><label for="${id}-kind">Kind</label>${select('kind', `${id}-kind`, category.kind, kinds)}</div>
  <button type="submit" class="button-secondary">Save ${category.name}</button>
</form>`;
}

export function categorySettingsPage(props: CategorySettingsProps): Html {
  return html`<h1>Categories</h1>
${modNav(legacyI18n, 'categories', true)}
<p class="lead">Staff posts never wait for approval. Changes apply to posts written from now on.</p>
${props.categories.length === 0
  ? html`<p class="empty">There are no categories yet. Create one with <code>npm run cli -- category:create</code>.</p>`
  : html`<div class="category-settings-list">${props.categories.map((category) => categoryForm(category, props.failed?.categoryId === category.id ? props.failed.errors : undefined))}</div>`}`;
}
