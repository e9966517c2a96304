import type { QueueItem, QueueSanction } from '../../src/moderation/queue.js';
import { html, safe, type Html } from '../html.js';
import { flagReasonLabels, rejectReasons } from './mod-nav.js';
import { editDiff } from './edit-diff.js';
import { badge } from './post.js';
import { legacyI18n } from '../legacy-i18n.js';
import { legacyTime } from './time.js';
import { quotedSentenceEnd } from '../../src/lib/quote.js';

/** What a manager typed into a decision form that came back with an error. */
export type ReasonDraft = { choice: string; other: string; error?: string | undefined };

/** Preset reasons as radio buttons plus “another reason”: works without JavaScript. */
export function reasonPicker(prefix: string, legend: string, draft?: ReasonDraft): Html {
  const choice = draft?.choice ?? '';
  const custom = choice === 'other' || (choice !== '' && !(rejectReasons as readonly string[]).includes(choice));
  return html`<fieldset class="reason-picker${draft?.error ? ' has-error' : ''}">
  <legend>${legend}</legend>
  ${rejectReasons.map(
    (reason, index) => html`<label><input type="radio" name="reason" value="${reason}" id="${prefix}-preset-${index}"${choice === reason ? html` checked` : ''}> ${reason}</label>`,
  )}
  <label><input type="radio" name="reason" value="other"${custom ? html` checked` : ''}> Another reason:</label>
  <input name="reasonOther" aria-label="Another reason" maxlength="300" value="${draft?.other ?? ''}">
  ${draft?.error ? html`<p class="field-error" role="alert">${draft.error}</p>` : ''}
</fieldset>`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function sanctionLine(sanction: QueueSanction): Html {
  return html`<li>${sanction.action === 'silence' ? 'Silenced' : 'Suspended'} ${legacyTime(sanction.createdAt)}${sanction.reason ? html`: “${sanction.reason}”` : ''}</li>`;
}

function authorFacts(item: QueueItem): Html {
  const { author } = item;
  return html`<dl class="review-facts">
  <div><dt>Joined</dt><dd>${legacyTime(author.createdAt)}</dd></div>
  <div><dt>Approved posts</dt><dd>${author.postCount}</dd></div>
  ${author.sanctions === null ? '' : html`<div><dt>Earlier sanctions</dt><dd>${author.sanctions.length === 0 ? 'None' : html`<ul>${author.sanctions.slice(0, 5).map(sanctionLine)}</ul>`}</dd></div>`}
</dl>`;
}

function flagList(item: QueueItem): Html {
  if (item.kind !== 'flag') return html``;
  return html`<h3 class="review-subheading">${plural(item.flags.length, 'open flag', 'open flags')}</h3>
<ul class="review-flags">${item.flags.map(
    (flag) => html`<li><a href="/u/${encodeURIComponent(flag.flagger)}">${flag.flagger}</a>: <strong>${flagReasonLabels[flag.reason] ?? flag.reason}</strong>${flag.note ? html` — “${flag.note}”` : ''} <span class="muted">${legacyTime(flag.createdAt)}</span>${flag.counts ? '' : html` <span class="tag tag-untrusted">does not count toward the automatic hide (new or unconfirmed account)</span>`}</li>`,
  )}</ul>`;
}

function postState(item: QueueItem): Html {
  const { post } = item;
  if (post.deleted) return html`<p class="banner banner-rejected">The author deleted this post while it was waiting. Reject it to clear it from the queue.</p>`;
  if (post.autoHidden) return html`<p class="banner banner-hidden">Hidden automatically after several flags. Dismissing the flags brings it back; hiding it keeps it hidden with your reason.</p>`;
  if (post.hidden) return html`<p class="banner banner-hidden">Already hidden by a community manager${post.hiddenReason ? `: ${quotedSentenceEnd(post.hiddenReason)}` : '.'}</p>`;
  if (item.kind === 'flag' && item.author.role !== 'member') return html`<p class="banner banner-pending">A community team member’s post: flags never hide it automatically, so it is shown first.</p>`;
  return html``;
}

export type ItemFormState = { back: string; selected?: boolean; failed?: { action: string; draft: ReasonDraft } | undefined };

function decisionForms(item: QueueItem, state: ItemFormState): Html {
  const action = (name: string) => `/mod/queue/${item.id}/${name}`;
  const back = html`<input type="hidden" name="back" value="${state.back}">`;
  const failed = state.failed;
  if (item.kind === 'approval') {
    return html`${item.post.deleted ? '' : html`<form method="post" action="${action('approve')}" class="inline-form">${back}<button type="submit">Approve</button></form>`}
<details class="review-decision"${failed?.action === 'reject' ? html` open` : ''}>
  <summary>Reject…</summary>
  <form method="post" action="${action('reject')}">${back}
    ${reasonPicker(`reject-${item.id}`, 'Why is this post not published? The author sees this reason and keeps their text.', failed?.action === 'reject' ? failed.draft : undefined)}
    <button type="submit" class="button-secondary danger">Reject post</button>
  </form>
</details>`;
  }
  if (item.kind === 'edit') {
    return html`<form method="post" action="${action('approve')}" class="inline-form">${back}<button type="submit">Approve edit</button></form>
<details class="review-decision"${failed?.action === 'reject' ? html` open` : ''}>
  <summary>Reject edit…</summary>
  <form method="post" action="${action('reject')}">${back}
    ${reasonPicker(`reject-${item.id}`, 'Why is this edit not published? The author sees this reason; the earlier version stays public.', failed?.action === 'reject' ? failed.draft : undefined)}
    <button type="submit" class="button-secondary danger">Reject edit</button>
  </form>
</details>`;
  }
  const hideDraft = failed?.action === 'hide' ? failed.draft : undefined;
  return html`<form method="post" action="${action('dismiss')}" class="inline-form">${back}<button type="submit" class="button-secondary">Dismiss flags</button></form>
<details class="review-decision"${hideDraft ? html` open` : ''}>
  <summary>Hide post…</summary>
  <form method="post" action="${action('hide')}">${back}
    <label for="hide-${item.id}">Reason (shown to the author)</label>
    <input id="hide-${item.id}" name="reason" maxlength="300" value="${hideDraft?.other ?? ''}"${hideDraft?.error ? html` aria-invalid="true"` : ''}>
    ${hideDraft?.error ? html`<p class="field-error" role="alert">${hideDraft.error}</p>` : ''}
    <button type="submit" class="button-secondary danger">Hide post</button>
  </form>
</details>`;
}

/** One queue item: the post as readers would see it (or, for an edit, what it changes), who wrote it, who flagged it, and the decisions. */
export function reviewItem(item: QueueItem, state: ItemFormState): Html {
  const { post, thread, category, author } = item;
  const label = item.kind === 'approval' ? 'Waiting for approval' : item.kind === 'edit' ? 'Edit waiting for review' : `Flagged (${item.flags.length})`;
  return html`<article class="review-item" id="item-${item.id}" aria-labelledby="item-${item.id}-title">
  <header class="review-header">
    ${item.kind !== 'flag' ? html`<label class="review-select"><input type="checkbox" name="items" value="${item.id}" form="bulk-form"${state.selected ? html` checked` : ''}> <span class="visually-hidden">Select this item</span></label>` : ''}
    <span class="tag tag-${item.kind}">${label}</span>
    <h2 id="item-${item.id}-title" class="review-title"><a href="/t/${thread.id}/${thread.slug}">${thread.title}</a></h2>
    <span class="muted">in <a href="/c/${category.slug}">${category.name}</a> · ${post.number === 1 ? 'opening post' : post.number === null ? 'reply' : html`<a href="/p/${post.id}">reply #${post.number}</a>`} · in the queue since ${legacyTime(item.createdAt)}</span>
  </header>
  <div class="post review-post">
    <div class="post-meta"><a class="author" href="/u/${encodeURIComponent(author.username)}">${author.username}</a>${badge(author.role, legacyI18n)} ${legacyTime(post.createdAt)}</div>
    ${postState(item)}
    ${item.edit ? editDiff(item.edit, thread.title) : html`<div class="post-body">${safe(post.bodyHtml)}</div>`}
  </div>
  ${authorFacts(item)}
  ${flagList(item)}
  <div class="review-actions">
    ${decisionForms(item, state)}
    ${item.canSanctionAuthor ? html`<a class="review-sanction" href="/mod/users/${encodeURIComponent(author.username)}#sanctions">Silence or suspend ${author.username}…</a>` : ''}
  </div>
</article>`;
}
