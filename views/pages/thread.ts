import type { ThreadPage } from '../../src/forum/thread-page.js';
import { errorSummary, textarea } from '../components/form.js';
import { pageLinks } from '../components/pagination.js';
import { postArticle } from '../components/post.js';
import { html, type Html } from '../html.js';

export type ReplyDraft = { body: string; error?: string; formError?: string };

export type ThreadPageProps = ThreadPage & { signedIn: boolean; reply?: ReplyDraft };

function staffControls(props: ThreadPageProps): Html {
  const { thread } = props;
  if (!props.canLock && !props.canPin) return html``;
  return html`<div class="staff-controls" aria-label="Manage thread">
  ${props.canPin
    ? html`<form method="post" action="/t/${thread.id}/pin" class="inline-form"><input type="hidden" name="value" value="${thread.pinned ? '0' : '1'}"><button type="submit" class="button-secondary">${thread.pinned ? 'Unpin' : 'Pin'}</button></form>`
    : ''}
  ${props.canLock
    ? html`<form method="post" action="/t/${thread.id}/lock" class="inline-form"><input type="hidden" name="value" value="${thread.locked ? '0' : '1'}"><button type="submit" class="button-secondary">${thread.locked ? 'Unlock' : 'Lock'}</button></form>`
    : ''}
</div>`;
}

function replySection(props: ThreadPageProps): Html {
  const { thread } = props;
  // A draft that came back (invalid, or the session lapsed) is always shown again with its text.
  if (!props.signedIn && !props.reply) {
    return html`<p class="reply-prompt"><a href="/login?next=${encodeURIComponent(`/t/${thread.id}/${thread.slug}`)}">Log in</a> or <a href="/signup">sign up</a> to reply.</p>`;
  }
  if (!props.canReply && props.signedIn) return html`<p class="reply-prompt">This thread is locked, so it takes no new replies.</p>`;
  const draft = props.reply;
  return html`<section class="reply" aria-labelledby="reply-heading">
  <h2 id="reply-heading">Your reply</h2>
  <form method="post" action="/t/${thread.id}/replies" class="post-form">
    ${errorSummary({ form: draft?.formError, body: draft?.error })}
    ${textarea({ name: 'body', label: 'Reply', value: draft?.body ?? '', error: draft?.error, hint: 'Markdown works: **bold**, _italic_, `code`, lists and links.', rows: 6, required: true })}
    <button type="submit">Post reply</button>
  </form>
</section>`;
}

export function threadPage(props: ThreadPageProps): Html {
  const { thread, category } = props;
  const basePath = `/t/${thread.id}/${thread.slug}`;
  return html`<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/c/${category.slug}">${category.name}</a></nav>
<div class="page-heading">
  <h1>${thread.title}</h1>
  <p class="thread-tags">${thread.pinned ? html`<span class="tag">Pinned</span>` : ''}${thread.locked ? html`<span class="tag">Locked</span>` : ''}</p>
</div>
${staffControls(props)}
${pageLinks(basePath, props.page, props.totalPages)}
<div class="posts">${props.posts.map(postArticle)}</div>
${pageLinks(basePath, props.page, props.totalPages)}
${replySection(props)}`;
}
