import type { I18n } from '../../src/i18n/translator.js';
import { html, type Html } from '../html.js';

/** An ideas board's vote limit on Admin → Categories: its own small form (src/routes/admin-ideas.ts). */
export function voteLimitForm(i18n: I18n, category: { id: number; ideaVoteLimit: number | null }): Html {
  const id = `category-${category.id}-vote-limit`;
  return html`<form method="post" action="/admin/categories/${category.id}/vote-limit" class="inline-form idea-vote-limit">
  <label for="${id}">${i18n.t('admin.categories.voteLimit')}</label>
  <input id="${id}" name="voteLimit" inputmode="numeric" size="5" maxlength="4" value="${category.ideaVoteLimit ?? ''}">
  <button type="submit" class="button-secondary">${i18n.t('admin.ideas.save')}</button>
</form>`;
}
