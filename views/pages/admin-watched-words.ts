import type { MessageKey } from '../../src/i18n/catalog.js';
import type { I18n } from '../../src/i18n/translator.js';
import type { WatchedWordRow } from '../../src/moderation/settings.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

export type WatchedWordsProps = { i18n: I18n; words: WatchedWordRow[]; nextCursor: string | null; isFirstPage: boolean; values: { word: string; action: string }; errors: FieldErrors };

/** Each action's short name (the list) and its whole sentence, the name in <name> (the form). */
const actions: readonly (readonly [string, MessageKey, MessageKey])[] = [
  ['block', 'admin.watchedWords.block', 'admin.watchedWords.blockEffect'],
  ['queue', 'admin.watchedWords.queue', 'admin.watchedWords.queueEffect'],
  ['censor', 'admin.watchedWords.censor', 'admin.watchedWords.censorEffect'],
];

function actionLabel(i18n: I18n, action: string): string {
  const label = actions.find(([value]) => value === action)?.[1];
  return label ? i18n.t(label) : action;
}

function addForm(props: WatchedWordsProps): Html {
  const { i18n } = props;
  const actionError = props.errors['action'];
  return html`<form method="post" action="/admin/watched-words" class="post-form" aria-labelledby="add-heading">
  <h2 id="add-heading">${i18n.t('admin.watchedWords.addHeading')}</h2>
  ${errorSummary(i18n, props.errors)}
  ${field({ name: 'word', label: i18n.t('admin.watchedWords.wordLabel'), value: props.values.word, error: props.errors['word'], required: true, maxlength: 100, hint: i18n.t('admin.watchedWords.wordHint') })}
  <fieldset class="field${actionError ? ' has-error' : ''}">
    <legend>${i18n.t('admin.watchedWords.actionLegend')}</legend>
    ${actions.map(([value, , effect]) => html`<label><input type="radio" name="action" value="${value}"${props.values.action === value ? html` checked` : ''} required> ${rich(i18n, effect, { name: (text) => html`<strong>${text}</strong>` })}</label>`)}
    ${actionError ? html`<p class="field-error" role="alert">${actionError}</p>` : ''}
  </fieldset>
  <button type="submit">${i18n.t('admin.watchedWords.add')}</button>
</form>`;
}

function row(i18n: I18n, word: WatchedWordRow): Html {
  const by = word.createdBy === null ? i18n.t('admin.watchedWords.system') : html`<bdi>${word.createdBy}</bdi>`;
  return html`<tr>
  <td dir="auto">${word.word}</td>
  <td>${actionLabel(i18n, word.action)}</td>
  <td>${rich(i18n, 'admin.addedByOn', { name: by, date: time(i18n, word.createdAt) })}</td>
  <td><form method="post" action="/admin/watched-words/${word.id}/remove" class="inline-form"><button type="submit" class="link-button danger">${rich(i18n, 'admin.watchedWords.remove', {
    hidden: (text) => html`<span class="visually-hidden">${text}</span>`,
    word: html`<bdi>${word.word}</bdi>`,
  })}</button></form></td>
</tr>`;
}

function table(i18n: I18n, words: WatchedWordRow[]): Html {
  return html`<div class="table-wrap"><table class="mod-table">
  <thead><tr><th scope="col">${i18n.t('admin.watchedWords.wordLabel')}</th><th scope="col">${i18n.t('admin.watchedWords.actionColumn')}</th><th scope="col">${i18n.t('admin.addedBy')}</th><th scope="col"><span class="visually-hidden">${i18n.t('admin.watchedWords.removeColumn')}</span></th></tr></thead>
  <tbody>${words.map((word) => row(i18n, word))}</tbody>
</table></div>`;
}

function pages(i18n: I18n, props: WatchedWordsProps): Html {
  return html`<nav class="pagination" aria-label="${i18n.t('admin.watchedWords.pagesLabel')}">
  ${props.isFirstPage ? '' : html`<a href="/admin/watched-words"><span class="direction-arrow" aria-hidden="true">←</span> ${i18n.t('admin.watchedWords.firstPage')}</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/admin/watched-words?after=${encodeURIComponent(props.nextCursor)}">${i18n.t('admin.watchedWords.nextPage')} <span class="direction-arrow" aria-hidden="true">→</span></a>` : ''}
</nav>`;
}

export function watchedWordsPage(props: WatchedWordsProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('admin.watchedWords.heading')}</h1>
${modNav(i18n, 'watched-words', true)}
<p class="lead">${i18n.t('admin.watchedWords.lead')}</p>
${addForm(props)}
<h2>${i18n.t('admin.watchedWords.listHeading')}</h2>
${props.words.length === 0
  ? html`<p class="empty">${i18n.t(props.isFirstPage ? 'admin.watchedWords.none' : 'admin.watchedWords.noMore')}</p>`
  : table(i18n, props.words)}
${pages(i18n, props)}`;
}
