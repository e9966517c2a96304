import { raw } from 'hono/html';
import type { ReplyNotice } from '../../src/forum/thread-page.js';
import type { I18n } from '../../src/i18n/translator.js';
import { escapeText, html, type Html } from '../html.js';
import { rich } from '../i18n.js';
import { kept, type KeptMarkup } from '../kept.js';
import type { ReplyDraft, ThreadPageProps } from '../pages/thread.js';
import { errorSummary, keptText, textarea } from './form.js';
import { imageUploadField } from './image-upload.js';
import { savedReplyPicker } from './saved-reply-picker.js';
import { time } from './time.js';

// The thread page's reply section: the form, or what the viewer can do instead of replying.

const strong = (text: Html) => html`<strong>${text}</strong>`;

export function pagePath(props: Pick<ThreadPageProps, 'thread' | 'page'>): string {
  return `/t/${props.thread.id}/${props.thread.slug}${props.page > 1 ? `?page=${props.page}` : ''}`;
}

/** Without JavaScript, cancelling is a link to the same page without the target. */
function replyingTo(i18n: I18n, target: { postId: number; number: number; username: string }, path: string): Html {
  const post = (text: Html) => html`<a href="/p/${target.postId}" dir="auto">${text}</a>`;
  return html`<p class="replying-to">${rich(i18n, 'reply.replyingTo', { post, username: html`<bdi>@${target.username}</bdi>`, number: target.number })} · <a href="${path}#reply">${i18n.t('reply.cancel')}</a></p>`;
}

/** What the viewer can do instead of replying; the opening post's Edit link, when they may use it. */
function replyNotice(block: ReplyNotice, props: ThreadPageProps): Html {
  const { thread, i18n } = props;
  const opening = props.posts.find((post) => post.number === 1 && post.canEdit);
  const editOpening = opening ? html` ${rich(i18n, 'thread.editOpening', { link: (text) => html`<a href="/p/${opening.id}/edit">${text}</a>` })}` : '';
  switch (block.kind) {
    case 'sign-in': {
      const login = (text: Html) => html`<a href="/login?next=${encodeURIComponent(`/t/${thread.id}/${thread.slug}`)}">${text}</a>`;
      if (!props.signUp) return rich(i18n, 'thread.logInToReply', { login });
      return rich(i18n, 'thread.signInToReply', { login, signup: (text) => html`<a href="/signup">${text}</a>` });
    }
    case 'locked':
      return html`${i18n.t('thread.lockedNotice')}`;
    case 'archived':
      return html`${i18n.t('thread.archivedNotice')}`;
    case 'silenced': {
      const until = time(i18n, block.until);
      return block.reason
        ? rich(i18n, 'thread.silencedWithReason', { strong, until, reason: html`<bdi>${block.reason}</bdi>` })
        : rich(i18n, 'thread.silenced', { strong, until });
    }
    case 'thread-pending':
      return block.yours
        ? html`${rich(i18n, 'thread.yoursPending', { strong })}${editOpening}`
        : rich(i18n, 'thread.pendingNoReplies', { link: (text) => html`<a href="/mod/queue">${text}</a>` });
    case 'thread-rejected':
      return block.yours ? html`${rich(i18n, 'thread.yoursRejected', { strong })}${editOpening}` : html`${i18n.t('thread.rejectedNoReplies')}`;
  }
}

export function replySection(props: ThreadPageProps): Html {
  const { i18n } = props;
  const draft = props.reply;
  // A draft that came back (invalid, or the session lapsed) is always shown again with its text;
  // when the viewer cannot reply (silenced meanwhile, say), the text is kept to copy, not to send.
  if (props.replyBlock && !(props.replyBlock.kind === 'sign-in' && draft)) {
    return html`<section class="reply-blocked" id="reply" aria-label="${i18n.t('reply.sectionLabel')}">
  <p class="reply-prompt" role="status">${replyNotice(props.replyBlock, props)}</p>
  ${draft?.body ? keptText({ name: 'reply', label: i18n.t('reply.kept'), value: draft.body }) : ''}
</section>`;
  }
  if (draft && !draft.body && !draft.replyTo && !draft.error && !draft.formError && !draft.savedReplyError && !draft.fileError) return emptyReplyForm(props, draft.submission);
  return replyForm(props, draft);
}

const emptyReplyForms: KeptMarkup = new WeakMap();
const TOKEN_MARK = 'hearth-submission-token';

/**
 * The form most views show: no text yet, no target, no errors. Kept per language and thread
 * (../kept.ts) with a mark where each view's own submission token goes. Staff's form, with the
 * saved-reply picker, is kept apart under the saved replies' version: members never get it, and
 * a saved reply added or changed shows at the next view.
 */
function emptyReplyForm(props: ThreadPageProps, submission: string): Html {
  const key = props.savedReplies ? `${props.thread.id} saved-replies ${props.savedReplies.version}` : String(props.thread.id);
  const form = kept(emptyReplyForms, props.i18n, key, () => replyForm(props, { body: '', submission: TOKEN_MARK })).toString();
  const at = form.indexOf(TOKEN_MARK);
  return raw(`${form.slice(0, at)}${escapeText(submission)}${form.slice(at + TOKEN_MARK.length)}`);
}

function replyForm(props: ThreadPageProps, draft: ReplyDraft | undefined): Html {
  const { thread, i18n } = props;
  return html`<section class="reply" id="reply" aria-labelledby="reply-heading">
  <h2 id="reply-heading">${i18n.t('reply.yourReply')}</h2>
  <form method="post" action="/t/${thread.id}/replies" class="post-form" enctype="multipart/form-data">
    <input type="hidden" name="submission" value="${draft?.submission ?? ''}">
    ${draft?.replyTo ? html`<input type="hidden" name="replyTo" value="${draft.replyTo.number}">` : ''}
    ${errorSummary(i18n, { form: draft?.formError, body: draft?.error, savedReply: draft?.savedReplyError, file: draft?.fileError })}
    ${draft?.replyTo ? replyingTo(i18n, draft.replyTo, pagePath(props)) : ''}
    ${textarea({ name: 'body', label: i18n.t('reply.bodyLabel'), value: draft?.body ?? '', error: draft?.error, hint: i18n.t('compose.markdownHint'), rows: 6, required: true, dir: 'auto' })}
    ${imageUploadField(i18n, draft?.fileError)}
    ${props.savedReplies ? savedReplyPicker(i18n, props.savedReplies, draft?.savedReplyError) : ''}
    <button type="submit">${i18n.t('reply.submit')}</button>
  </form>
</section>`;
}

