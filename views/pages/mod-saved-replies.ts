import type { I18n } from '../../src/i18n/translator.js';
import { SAVED_REPLY_BODY_MAX, SAVED_REPLY_TITLE_MAX, type SavedReplyRow } from '../../src/moderation/saved-replies.js';
import { errorSummary, field, textarea, type FieldErrors } from '../components/form.js';
import { modNav } from '../components/mod-nav.js';
import { time } from '../components/time.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';

// The team's saved replies: the list with the form to add one, the edit page, the delete confirmation.

export type SavedReplyValues = { title: string; body: string };
export type SavedRepliesProps = { i18n: I18n; replies: SavedReplyRow[]; nextCursor: number | null; isFirstPage: boolean; values: SavedReplyValues; errors: FieldErrors; isAdmin: boolean };

const arrow = (glyph: string) => html`<span class="direction-arrow" aria-hidden="true">${glyph}</span>`;

/** Title and markdown body, shared by the add and edit forms; the user's text always comes back. */
function fields(i18n: I18n, values: SavedReplyValues, errors: FieldErrors): Html {
  return html`${errorSummary(i18n, errors)}
  ${field({ name: 'title', label: i18n.t('savedReplies.titleLabel'), value: values.title, error: errors['title'], required: true, maxlength: SAVED_REPLY_TITLE_MAX, hint: i18n.t('savedReplies.titleHint'), dir: 'auto' })}
  ${textarea({ name: 'body', label: i18n.t('savedReplies.bodyLabel'), value: values.body, error: errors['body'], required: true, maxlength: SAVED_REPLY_BODY_MAX, hint: i18n.t('compose.markdownHint'), rows: 8, dir: 'auto' })}`;
}

/** The first words of a reply's markdown, as its author wrote them. */
function opening(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

function row(i18n: I18n, reply: SavedReplyRow): Html {
  const by = reply.updatedBy === null ? html`<span class="muted">—</span>` : html`<bdi>${reply.updatedBy}</bdi>`;
  return html`<tr>
  <td><a dir="auto" href="/mod/saved-replies/${reply.id}/edit">${reply.title}</a><p class="muted" dir="auto">${opening(reply.body)}</p></td>
  <td>${rich(i18n, 'savedReplies.changedByOn', { name: by, date: time(i18n, reply.updatedAt) })}</td>
</tr>`;
}

function list(props: SavedRepliesProps): Html {
  const { i18n } = props;
  if (props.replies.length === 0) return html`<p class="empty">${i18n.t(props.isFirstPage ? 'savedReplies.none' : 'savedReplies.noMore')}</p>`;
  return html`<div class="table-wrap"><table class="mod-table">
  <thead><tr><th scope="col">${i18n.t('savedReplies.titleLabel')}</th><th scope="col">${i18n.t('savedReplies.changedColumn')}</th></tr></thead>
  <tbody>${props.replies.map((reply) => row(i18n, reply))}</tbody>
</table></div>`;
}

function pages(props: SavedRepliesProps): Html {
  const { i18n } = props;
  return html`<nav class="pagination" aria-label="${i18n.t('savedReplies.pagesLabel')}">
  ${props.isFirstPage ? '' : html`<a href="/mod/saved-replies">${arrow('←')} ${i18n.t('savedReplies.firstPage')}</a>`}
  ${props.nextCursor ? html`<a rel="next" href="/mod/saved-replies?after=${props.nextCursor}">${i18n.t('savedReplies.nextPage')} ${arrow('→')}</a>` : ''}
</nav>`;
}

export function savedRepliesPage(props: SavedRepliesProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('savedReplies.heading')}</h1>
${modNav(i18n, 'saved-replies', props.isAdmin)}
<p class="lead">${i18n.t('savedReplies.lead')}</p>
<form method="post" action="/mod/saved-replies" class="post-form" aria-labelledby="add-heading">
  <h2 id="add-heading">${i18n.t('savedReplies.addHeading')}</h2>
  ${fields(i18n, props.values, props.errors)}
  <button type="submit">${i18n.t('savedReplies.add')}</button>
</form>
<h2>${i18n.t('savedReplies.listHeading')}</h2>
${list(props)}
${pages(props)}`;
}

export type SavedReplyEditProps = { i18n: I18n; id: number; values: SavedReplyValues; errors: FieldErrors; isAdmin: boolean };

export function savedReplyEditPage(props: SavedReplyEditProps): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('savedReplies.editHeading')}</h1>
${modNav(i18n, 'saved-replies', props.isAdmin)}
<form method="post" action="/mod/saved-replies/${props.id}/edit" class="post-form">
  ${fields(i18n, props.values, props.errors)}
  <button type="submit">${i18n.t('savedReplies.save')}</button> <a href="/mod/saved-replies">${i18n.t('savedReplies.cancel')}</a>
</form>
<form method="post" action="/mod/saved-replies/${props.id}/delete" class="inline-form">
  <button type="submit" class="button-secondary danger">${i18n.t('savedReplies.delete')}</button>
</form>`;
}

export function savedReplyDeletePage(props: { i18n: I18n; id: number; title: string; isAdmin: boolean }): Html {
  const { i18n } = props;
  return html`<h1>${i18n.t('savedReplies.deleteHeading')}</h1>
${modNav(i18n, 'saved-replies', props.isAdmin)}
<p>${rich(i18n, 'savedReplies.deleteQuestion', { title: html`<strong dir="auto">${props.title}</strong>` })}</p>
<form method="post" action="/mod/saved-replies/${props.id}/delete" class="inline-form">
  <input type="hidden" name="confirm" value="yes">
  <button type="submit" class="danger">${i18n.t('savedReplies.deleteConfirm')}</button> <a href="/mod/saved-replies/${props.id}/edit">${i18n.t('savedReplies.keepIt')}</a>
</form>`;
}
