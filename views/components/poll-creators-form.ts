import type { PollCreators } from '../../src/db/schema.js';
import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

/** Admin → Categories: "Who may add polls" in one category, a form of its own (POST …/polls). */
export function pollCreatorsForm(i18n: I18n, category: { id: number; name: string; pollCreators: PollCreators }): Html {
  const id = `category-${category.id}-poll-creators`;
  const option = (value: PollCreators, label: string) => html`<option value="${value}"${category.pollCreators === value ? ' selected' : ''}>${label}</option>`;
  return html`<form method="post" action="/admin/categories/${category.id}/polls" class="inline-form poll-creators-form">
  <label for="${id}">${i18n.t('admin.categories.pollCreatorsLabel')}</label>
  <select id="${id}" name="pollCreators">${option('members', i18n.t('admin.categories.pollCreatorsMembers'))}${option('staff', i18n.t('admin.categories.pollCreatorsStaff'))}</select>
  <button type="submit" class="button-secondary">${rich(i18n, 'admin.categories.pollCreatorsSave', { name: html`<bdi>${category.name}</bdi>` })}</button>
</form>`;
}
