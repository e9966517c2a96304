import type { I18n } from '../../src/i18n/translator.js';
import type { IdeaSummary, IdeaViewerState } from '../../src/ideas/idea-page.js';
import type { IdeaStatus } from '../../src/ideas/statuses.js';
import { STATUS_NOTE_MAX } from '../../src/ideas/status-limits.js';
import { html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { errorSummary, type FieldErrors } from './form.js';
import { ideaStatusBadge, ideaStatusName } from './idea-status.js';
import { time } from './time.js';

// An idea on its thread page: what every reader sees (votes, status, history, where it was merged)
// is part of the page's shared frame; the vote button and the staff forms are the viewer's own.

const threadLink = (idea: { id: number; slug: string; title: string }) => html`<a href="/t/${idea.id}/${idea.slug}" dir="auto">${idea.title}</a>`;

function history(i18n: I18n, idea: IdeaSummary): Html {
  if (idea.history.length === 0) return html``;
  return html`<details class="idea-history"${idea.history.some((entry) => entry.note) ? html` open` : ''}>
  <summary>${i18n.t('idea.history')}</summary>
  <ol>${idea.history.map(
    (entry) =>
      html`<li>${ideaStatusBadge(i18n, entry.status)} ${time(i18n, entry.at)}${entry.by ? html` · <a href="/u/${entry.by}" dir="auto">${entry.by}</a>` : ''}${
        entry.note ? html`<p class="idea-note" dir="auto">${entry.note}</p>` : ''
      }</li>`,
  )}</ol>
</details>`;
}

/** The shared part: the same for every reader of this version of the idea. */
export function ideaSummaryPanel(i18n: I18n, idea: IdeaSummary): Html {
  const merged = idea.mergedInto ? html`<p class="banner idea-merged" role="status">${rich(i18n, 'idea.mergedInto', { link: threadLink(idea.mergedInto) })}</p>` : '';
  return html`<section class="idea-panel" aria-label="${i18n.t('idea.statusLabel')}">
  ${merged}
  <p class="idea-facts"><strong class="idea-votes idea-votes-large">${i18n.t('idea.votes', { count: idea.votes })}</strong> ${ideaStatusBadge(i18n, idea.status)}</p>
  ${history(i18n, idea)}
</section>`;
}

export type IdeaActionsProps = {
  i18n: I18n;
  threadId: number;
  threadPath: string;
  idea: IdeaSummary;
  viewer: IdeaViewerState;
  /** Set for staff who moderate the idea's category: the statuses they may give. */
  statuses?: IdeaStatus[];
};

function voteForm(props: IdeaActionsProps): Html {
  const { i18n, viewer, threadId } = props;
  const button = (value: '0' | '1', label: string) =>
    html`<form method="post" action="/t/${threadId}/vote" class="inline-form idea-vote-form"><input type="hidden" name="vote" value="${value}"><button type="submit"${value === '0' ? html` class="button-secondary"` : ''}>${label}</button></form>`;
  if (viewer.voted) return html`<p class="idea-voted">${i18n.t('idea.youVoted')}</p>${button('0', i18n.t('idea.withdraw'))}`;
  // What holds for every reader comes first: a visitor need not sign in to vote for a decided idea.
  if (props.idea.merged) return html``;
  if (props.idea.status && !props.idea.status.open) return html`<p class="hint">${i18n.t('idea.closedNoVotes')}</p>`;
  if (viewer.block === 'sign-in') return html`<p><a href="/login?next=${encodeURIComponent(props.threadPath)}">${i18n.t('idea.signInToVote')}</a></p>`;
  if (viewer.block === 'silenced') return html`<p class="hint">${i18n.t('idea.voteSilenced')}</p>`;
  if (viewer.block === 'archived') return html`<p class="hint">${i18n.t('idea.voteArchived')}</p>`;
  return button('1', i18n.t('idea.vote'));
}

/** The viewer's part: their vote, and for staff the status and merge forms. */
export function ideaActions(props: IdeaActionsProps): Html {
  const staff = props.statuses
    ? html`<details class="staff-controls idea-staff">
  <summary>${props.i18n.t('idea.manage')}</summary>
  <div class="staff-tools">${ideaStatusForm({ i18n: props.i18n, threadId: props.threadId, statuses: props.statuses, status: props.idea.status?.key ?? '', note: '' })}${
    props.idea.merged ? '' : ideaMergeForm({ i18n: props.i18n, threadId: props.threadId, into: '' })
  }</div>
</details>`
    : '';
  return html`<div class="idea-actions">${voteForm(props)}</div>${staff}`;
}

export type IdeaStatusFormProps = { i18n: I18n; threadId: number; statuses: IdeaStatus[]; status: string; note: string; errors?: FieldErrors };

export function ideaStatusForm(props: IdeaStatusFormProps): Html {
  const { i18n, errors = {} } = props;
  return html`<form method="post" action="/t/${props.threadId}/status" class="staff-form idea-status-form">
  ${errorSummary(i18n, errors)}
  <div class="field${errors['status'] ? ' has-error' : ''}"><label for="idea-status">${i18n.t('idea.statusField')}</label>
  <select id="idea-status" name="status">${props.statuses.map(
    (status) => html`<option value="${status.key}"${status.key === props.status ? html` selected` : ''}>${ideaStatusName(i18n, status)}</option>`,
  )}</select>${errors['status'] ? html`<p class="field-error">${errors['status']}</p>` : ''}</div>
  <div class="field${errors['note'] ? ' has-error' : ''}"><label for="idea-note">${i18n.t('idea.noteField')}</label>
  <textarea id="idea-note" name="note" rows="3" maxlength="${STATUS_NOTE_MAX}" dir="auto"${errors['note'] ? html` aria-invalid="true" aria-describedby="idea-note-error"` : ''}>
${props.note}</textarea>${errors['note'] ? html`<p class="field-error" id="idea-note-error">${errors['note']}</p>` : ''}</div>
  <button type="submit" class="button-secondary">${i18n.t('idea.setStatus')}</button>
</form>`;
}

export type IdeaMergeFormProps = { i18n: I18n; threadId: number; into: string; errors?: FieldErrors };

export function ideaMergeForm(props: IdeaMergeFormProps): Html {
  const { i18n, errors = {} } = props;
  return html`<form method="post" action="/t/${props.threadId}/merge" class="staff-form idea-merge-form">
  ${errorSummary(i18n, errors)}
  <div class="field${errors['into'] ? ' has-error' : ''}"><label for="idea-merge-into">${i18n.t('idea.mergeField')}</label>
  <input id="idea-merge-into" name="into" value="${props.into}" required${errors['into'] ? html` aria-invalid="true" aria-describedby="idea-merge-into-error"` : ''}>
  ${errors['into'] ? html`<p class="field-error" id="idea-merge-into-error">${errors['into']}</p>` : ''}</div>
  <button type="submit" class="button-secondary">${i18n.t('idea.merge')}</button>
</form>`;
}
