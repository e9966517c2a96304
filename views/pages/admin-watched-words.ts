import { legacyI18n } from '../legacy-i18n.js';
import type { WatchedWordRow } from '../../src/moderation/settings.js';
import { errorSummary, field, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { legacyTime } from '../components/time.js';
import { html, type Html } from '../html.js';

export type WatchedWordsProps = { words: WatchedWordRow[]; nextCursor: string | null; isFirstPage: boolean; values: { word: string; action: string }; errors: FieldErrors };

const actions = [
  ['block', 'Block', 'the post is refused and its author asked to remove the word'],
  ['queue', 'Hold for approval', 'the post waits in the review queue'],
  ['censor', 'Censor', 'the word is masked with ■ when shown'],
] as const;

const actionLabel = (action: string) => actions.find(([value]) => value === action)?.[1] ?? action;

function addForm(props: WatchedWordsProps): Html {
  const actionError = props.errors['action'];
  return html`<form method="post" action="/admin/watched-words" class="post-form" aria-labelledby="add-heading">
  <h2 id="add-heading">Add a word or phrase</h2>
  ${errorSummary(legacyI18n, props.errors)}
  ${field({ name: 'word', label: 'Word or phrase', value: props.values.word, error: props.errors['word'], required: true, maxlength: 100, hint: 'Matching ignores case and accents and only matches whole words: “bet” matches “Bet” but not “better”.' })}
  <fieldset class="field${actionError ? ' has-error' : ''}">
    <legend>What happens to posts that contain it</legend>
    ${actions.map(([value, label, effect]) => html`<label><input type="radio" name="action" value="${value}"${props.values.action === value ? html` checked` : ''} required> <strong>${label}</strong>: ${effect}</label>`)}
    ${actionError ? html`<p class="field-error" role="alert">${actionError}</p>` : ''}
  </fieldset>
  <button type="submit">Add watched word</button>
</form>`;
}

function row(word: WatchedWordRow): Html {
  return html`<tr>
  <td>${word.word}</td>
  <td>${actionLabel(word.action)}</td>
  <td>${word.createdBy ?? 'System'}, ${legacyTime(word.createdAt)}</td>
  <td><form method="post" action="/admin/watched-words/${word.id}/remove" class="inline-form"><button type="submit" class="link-button danger">Remove<span class="visually-hidden"> “${word.word}”</span></button></form></td>
</tr>`;
}

export function watchedWordsPage(props: WatchedWordsProps): Html {
  return html`<h1>Watched words</h1>
${modNav(legacyI18n, 'watched-words', true)}
<p class="lead">Checked in every new or edited post and title. Changes apply to posts written from now on.</p>
${addForm(props)}
<h2>On the list</h2>
${props.words.length === 0
  ? html`<p class="empty">${props.isFirstPage ? 'No watched words yet.' : 'No more words.'}</p>`
  : html`<div class="table-wrap"><table class="mod-table">
  <thead><tr><th scope="col">Word or phrase</th><th scope="col">Action</th><th scope="col">Added by</th><th scope="col"><span class="visually-hidden">Remove</span></th></tr></thead>
  <tbody>${props.words.map(row)}</tbody>
</table></div>`}
<nav class="pagination" aria-label="More words">
  ${props.isFirstPage ? '' : html`<a href="/admin/watched-words">← First page</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/admin/watched-words?after=${encodeURIComponent(props.nextCursor)}">Next words →</a>` : ''}
</nav>`;
}
