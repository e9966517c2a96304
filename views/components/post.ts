import type { PostReference, RepliesToPost } from '../../src/forum/reply-context.js';
import type { PostView } from '../../src/forum/thread-page.js';
import { html, safe, type Html } from '../html.js';
import { legacyTime } from './time.js';
import { acceptControl, acceptedMark, helpfulControl } from './answer.js';
import { quotedSentenceEnd } from '../../src/lib/quote.js';

const badges: Record<PostView['author']['role'], string | null> = { member: null, manager: 'Community manager', admin: 'Admin' };

/** Staff posts carry a badge: they are the brand's official voice. */
export function badge(role: PostView['author']['role']): Html {
  const label = badges[role];
  return label ? html`<span class="badge badge-${role}">${label}</span>` : html``;
}

function banner(post: PostView): Html {
  switch (post.state) {
    case 'pending':
      if (post.awaitsConfirmation) {
        return html`<p class="banner banner-pending" role="status"><strong>Waiting for you to confirm your email address.</strong> Only you can see this post until then.</p>`;
      }
      return html`<p class="banner banner-pending" role="status"><strong>Awaiting approval.</strong> A community manager will review this post soon; until then only you and the community team can see it.</p>`;
    case 'rejected':
      return html`<p class="banner banner-rejected" role="status"><strong>Not published.</strong> A community manager did not approve this post${post.reason ? `: ${quotedSentenceEnd(post.reason)}` : '.'} Your text is kept${post.canEdit ? html` — <a href="/p/${post.id}/edit">edit it and send it again</a>` : ''}.</p>`;
    case 'hidden':
      return post.bodyHtml !== null
        ? html`<p class="banner banner-hidden" role="status">${post.autoHidden ? 'Hidden pending review after flags from several members' : 'Hidden by a community manager'}${post.reason && !post.autoHidden ? `: ${quotedSentenceEnd(post.reason)}` : '.'} Others see a placeholder.</p>`
        : html``;
    default:
      return html``;
  }
}

/** Only the author is told; everyone, the author included, reads the public version below. */
function editWaitingBanner(post: PostView): Html {
  return html`<p class="banner banner-pending" role="status"><strong>Your edit is waiting for review.</strong> Until a community manager approves it, everyone sees the version below. <a href="/p/${post.id}/edit">See or change your edit</a>.</p>`;
}

function body(post: PostView): Html {
  if (post.state === 'deleted') return html`<p class="placeholder">This post was deleted by its author.</p>`;
  if (post.bodyHtml === null) {
    return html`<p class="placeholder">${post.autoHidden ? 'This post is hidden pending review.' : 'This post was hidden by a community manager.'}</p>`;
  }
  return html`${banner(post)}${post.editWaiting ? editWaitingBanner(post) : ''}<div class="post-body">${safe(post.bodyHtml)}</div>`;
}

// A link to the flag page (views/pages/flag.ts), not a form per post: the form was ~900 bytes
// times every post of a signed-in page.
function flagLink(post: PostView): Html {
  if (post.flaggedByViewer) return html`<span class="muted">You flagged this post</span>`;
  if (!post.canFlag) return html``;
  return html`<a href="/p/${post.id}/flag" rel="nofollow">Flag</a>`;
}

function moderatorTools(post: PostView): Html {
  if (!post.canModerate || post.state === 'pending' || post.state === 'rejected') return html``;
  if (post.state === 'hidden') {
    return html`<form method="post" action="/p/${post.id}/unhide" class="inline-form"><button type="submit" class="link-button">Unhide</button></form>`;
  }
  return html`<details class="mod-hide">
  <summary>Hide</summary>
  <form method="post" action="/p/${post.id}/hide" class="inline-form">
    <label for="hide-reason-${post.id}">Reason (shown to the author)</label>
    <input id="hide-reason-${post.id}" name="reason" required maxlength="300">
    <button type="submit" class="button-secondary danger">Hide post</button>
  </form>
</details>`;
}

function actions(post: PostView, replyHref?: (number: number) => string): Html {
  return html`<div class="post-actions">
  ${replyHref && post.state === 'visible' && post.number !== null ? html`<a href="${replyHref(post.number)}">Reply</a>` : ''}
  ${helpfulControl(post)}
  ${acceptControl(post)}
  ${post.canEdit ? html`<a href="/p/${post.id}/edit">Edit</a>` : ''}
  ${post.canViewRevisions ? html`<a href="/p/${post.id}/revisions">History</a>` : ''}
  ${post.canDelete
    ? html`<form method="post" action="/p/${post.id}/delete" class="inline-form"><button type="submit" class="link-button danger">Delete</button></form>`
    : ''}
  ${flagLink(post)}
  ${moderatorTools(post)}
</div>`;
}

/** An anchor on this page, else the permalink (which finds the post's page). */
function referenceLink(post: PostReference): Html {
  return html`<a href="${post.onPage ? `#post-${post.number}` : `/p/${post.postId}`}">@${post.username} #${post.number}</a>`;
}

function inReplyTo(target: PostReference | null): Html {
  return target ? html`<p class="in-reply-to">in reply to ${referenceLink(target)}</p>` : html``;
}

/** Collapsed, as Discourse shows them; a details element opens without JavaScript. */
function repliesReceived(replies: RepliesToPost | null): Html {
  if (replies === null) return html``;
  const more = replies.total - replies.listed.length;
  return html`<details class="post-replies">
  <summary>${replies.total} ${replies.total === 1 ? 'reply' : 'replies'}</summary>
  <ul>${replies.listed.map((reply) => html`<li>${referenceLink(reply)}</li>`)}${more > 0 ? html`<li class="muted">and ${more} more further on in the thread</li>` : ''}</ul>
</details>`;
}

/**
 * One post in a thread; `id="post-N"` is the anchor permalinks and reply redirects point at.
 * `replyHref` (signed-in pages only) adds a "Reply" link to the thread's form for this post.
 */
export function postArticle(post: PostView, replyHref?: (number: number) => string): Html {
  const { author } = post;
  const anchor = post.number === null ? `post-pending-${post.id}` : `post-${post.number}`;
  return html`<article class="post${author.role !== 'member' ? ' post-staff' : ''}${post.state !== 'visible' ? ` post-removed post-${post.state}` : ''}${post.accepted ? ' post-accepted' : ''}" id="${anchor}">
  <header class="post-meta">
    <a class="author" href="/u/${encodeURIComponent(author.username)}">${author.username}</a>${badge(author.role)}
    <a class="post-link" href="/p/${post.id}" title="Link to this post">${post.number === null ? 'waiting' : html`#${post.number}`}</a>
    ${legacyTime(post.createdAt)}${post.editedAt !== null ? html` <span class="edited" title="Edited">(edited ${legacyTime(post.editedAt)})</span>` : ''}
    ${acceptedMark(post)}
  </header>
  ${inReplyTo(post.replyTo)}
  ${body(post)}
  ${actions(post, replyHref)}
  ${repliesReceived(post.replies)}
</article>`;
}
