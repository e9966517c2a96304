import type { I18n } from '../../src/i18n/translator.js';
import type { QueueItem, QueueSanction } from '../../src/moderation/queue.js';
import { html, safe, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { editDiff } from './edit-diff.js';
import { flagReasonLabel, rejectReasons } from './mod-nav.js';
import { badge } from './post.js';
import { quoted, quotedAtEnd } from './quoted.js';
import { time } from './time.js';

/** What a manager typed into a decision form that came back with an error. */
export type ReasonDraft = { choice: string; other: string; error?: string | undefined };

/** Preset reasons as radio buttons plus “another reason”: works without JavaScript. */
export function reasonPicker(i18n: I18n, prefix: string, legend: string, draft?: ReasonDraft): Html {
  const choice = draft?.choice ?? '';
  const presets = rejectReasons(i18n);
  const custom = choice === 'other' || (choice !== '' && !presets.includes(choice));
  return html`<fieldset class="reason-picker${draft?.error ? ' has-error' : ''}">
  <legend>${legend}</legend>
  ${presets.map(
    (reason, index) => html`<label><input type="radio" name="reason" value="${reason}" id="${prefix}-preset-${index}"${choice === reason ? html` checked` : ''}> ${reason}</label>`,
  )}
  <label><input type="radio" name="reason" value="other"${custom ? html` checked` : ''}> ${i18n.t('review.anotherReasonChoice')}</label>
  <input name="reasonOther" aria-label="${i18n.t('review.anotherReason')}" maxlength="300" value="${draft?.other ?? ''}" dir="auto">
  ${draft?.error ? html`<p class="field-error" role="alert">${draft.error}</p>` : ''}
</fieldset>`;
}

function sanctionLine(i18n: I18n, sanction: QueueSanction): Html {
  const date = time(i18n, sanction.createdAt);
  return html`<li>${sanction.reason
    ? rich(i18n, 'review.sanctionWithReason', { action: sanction.action, date, reason: quoted(sanction.reason) })
    : rich(i18n, 'review.sanction', { action: sanction.action, date })}</li>`;
}

function authorFacts(i18n: I18n, item: QueueItem): Html {
  const { author } = item;
  return html`<dl class="review-facts">
  <div><dt>${i18n.t('review.joined')}</dt><dd>${time(i18n, author.createdAt)}</dd></div>
  <div><dt>${i18n.t('review.approvedPosts')}</dt><dd>${i18n.number(author.postCount)}</dd></div>
  ${author.sanctions === null ? '' : html`<div><dt>${i18n.t('review.earlierSanctions')}</dt><dd>${author.sanctions.length === 0 ? i18n.t('review.noSanctions') : html`<ul>${author.sanctions.slice(0, 5).map((sanction) => sanctionLine(i18n, sanction))}</ul>`}</dd></div>`}
</dl>`;
}

function flagList(i18n: I18n, item: QueueItem): Html {
  if (item.kind !== 'flag') return html``;
  const untrusted = i18n.t('review.flagUntrusted');
  return html`<h3 class="review-subheading">${i18n.t('review.openFlags', { count: item.flags.length })}</h3>
<ul class="review-flags">${item.flags.map((flag) => {
    const values = { flagger: html`<a dir="auto" href="/u/${encodeURIComponent(flag.flagger)}">${flag.flagger}</a>`, reason: html`<strong>${flagReasonLabel(i18n, flag.reason)}</strong>` };
    const said = flag.note ? rich(i18n, 'review.flagWithNote', { ...values, note: quoted(flag.note) }) : rich(i18n, 'review.flag', values);
    return html`<li>${said} <span class="muted">${time(i18n, flag.createdAt)}</span>${flag.counts ? '' : html` <span class="tag tag-untrusted">${untrusted}</span>`}</li>`;
  })}</ul>`;
}

function postState(i18n: I18n, item: QueueItem): Html {
  const { post } = item;
  if (post.deleted) return html`<p class="banner banner-rejected">${i18n.t('review.deletedWhileWaiting')}</p>`;
  if (post.autoHidden) return html`<p class="banner banner-hidden">${i18n.t('review.autoHidden')}</p>`;
  if (post.hidden) {
    return html`<p class="banner banner-hidden">${post.hiddenReason ? rich(i18n, 'review.alreadyHiddenBecause', quotedAtEnd(post.hiddenReason)) : i18n.t('review.alreadyHidden')}</p>`;
  }
  if (item.kind === 'flag' && item.author.role !== 'member') return html`<p class="banner banner-pending">${i18n.t('review.staffPost')}</p>`;
  return html``;
}

export type ItemFormState = { back: string; selected?: boolean; failed?: { action: string; draft: ReasonDraft } | undefined };

/** Approve, or reject with a reason: for a waiting post or a held edit. */
function waitingForms(i18n: I18n, item: QueueItem, state: ItemFormState): Html {
  const edit = item.kind === 'edit';
  const back = html`<input type="hidden" name="back" value="${state.back}">`;
  const failed = state.failed?.action === 'reject' ? state.failed : undefined;
  const approve = html`<form method="post" action="/mod/queue/${item.id}/approve" class="inline-form">${back}<button type="submit">${i18n.t(edit ? 'review.approveEdit' : 'review.approve')}</button></form>`;
  return html`${edit || !item.post.deleted ? approve : ''}
<details class="review-decision"${failed ? html` open` : ''}>
  <summary>${i18n.t(edit ? 'review.rejectEditOpen' : 'review.rejectOpen')}</summary>
  <form method="post" action="/mod/queue/${item.id}/reject">${back}
    ${reasonPicker(i18n, `reject-${item.id}`, i18n.t(edit ? 'review.rejectEditLegend' : 'review.rejectLegend'), failed?.draft)}
    <button type="submit" class="button-secondary danger">${i18n.t(edit ? 'review.rejectEdit' : 'review.reject')}</button>
  </form>
</details>`;
}

/** Dismiss the flags, or hide the post with a reason. */
function flagForms(i18n: I18n, item: QueueItem, state: ItemFormState): Html {
  const back = html`<input type="hidden" name="back" value="${state.back}">`;
  const hideDraft = state.failed?.action === 'hide' ? state.failed.draft : undefined;
  return html`<form method="post" action="/mod/queue/${item.id}/dismiss" class="inline-form">${back}<button type="submit" class="button-secondary">${i18n.t('review.dismiss')}</button></form>
<details class="review-decision"${hideDraft ? html` open` : ''}>
  <summary>${i18n.t('review.hideOpen')}</summary>
  <form method="post" action="/mod/queue/${item.id}/hide">${back}
    <label for="hide-${item.id}">${i18n.t('review.hideReason')}</label>
    <input id="hide-${item.id}" name="reason" maxlength="300" dir="auto" value="${hideDraft?.other ?? ''}"${hideDraft?.error ? html` aria-invalid="true"` : ''}>
    ${hideDraft?.error ? html`<p class="field-error" role="alert">${hideDraft.error}</p>` : ''}
    <button type="submit" class="button-secondary danger">${i18n.t('review.hide')}</button>
  </form>
</details>`;
}

function kindLabel(i18n: I18n, item: QueueItem): string {
  if (item.kind === 'approval') return i18n.t('review.kindApproval');
  return item.kind === 'edit' ? i18n.t('review.kindEdit') : i18n.t('review.kindFlag', { count: item.flags.length });
}

function whereAndWhen(i18n: I18n, item: QueueItem): Html {
  const { post, category } = item;
  const which = post.number === 1 ? i18n.t('review.openingPost') : post.number === null ? i18n.t('review.reply') : html`<a href="/p/${post.id}">${i18n.t('review.replyNumber', { number: post.number })}</a>`;
  return rich(i18n, 'review.where', { category: html`<a dir="auto" href="/c/${category.slug}">${category.name}</a>`, post: which, date: time(i18n, item.createdAt) });
}

/** One queue item: the post as readers would see it (or, for an edit, what it changes), who wrote it, who flagged it, and the decisions. */
export function reviewItem(i18n: I18n, item: QueueItem, state: ItemFormState): Html {
  const { post, thread, author } = item;
  return html`<article class="review-item" id="item-${item.id}" aria-labelledby="item-${item.id}-title">
  <header class="review-header">
    ${item.kind !== 'flag' ? html`<label class="review-select"><input type="checkbox" name="items" value="${item.id}" form="bulk-form"${state.selected ? html` checked` : ''}> <span class="visually-hidden">${i18n.t('review.select')}</span></label>` : ''}
    <span class="tag tag-${item.kind}">${kindLabel(i18n, item)}</span>
    <h2 id="item-${item.id}-title" class="review-title"><a dir="auto" href="/t/${thread.id}/${thread.slug}">${thread.title}</a></h2>
    <span class="muted">${whereAndWhen(i18n, item)}</span>
  </header>
  <div class="post review-post">
    <div class="post-meta"><a class="author" dir="auto" href="/u/${encodeURIComponent(author.username)}">${author.username}</a>${badge(author.role, i18n)} ${time(i18n, post.createdAt)}</div>
    ${postState(i18n, item)}
    ${item.edit ? editDiff(i18n, item.edit, thread.title) : html`<div class="post-body" dir="auto">${safe(post.bodyHtml)}</div>`}
  </div>
  ${authorFacts(i18n, item)}
  ${flagList(i18n, item)}
  <div class="review-actions">
    ${item.kind === 'flag' ? flagForms(i18n, item, state) : waitingForms(i18n, item, state)}
    ${item.canSanctionAuthor ? html`<a class="review-sanction" href="/mod/users/${encodeURIComponent(author.username)}#sanctions">${rich(i18n, 'review.sanctionAuthor', { username: html`<bdi>${author.username}</bdi>` })}</a>` : ''}
  </div>
</article>`;
}
