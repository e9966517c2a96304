import type { PostView } from '../../src/forum/thread-page.js';
import { html, safe, type Html } from '../html.js';
import { time } from './time.js';

const badges: Record<PostView['author']['role'], string | null> = { member: null, manager: 'Community manager', admin: 'Admin' };

/** Staff posts carry a badge: they are the brand's official voice. */
export function badge(role: PostView['author']['role']): Html {
  const label = badges[role];
  return label ? html`<span class="badge badge-${role}">${label}</span>` : html``;
}

function body(post: PostView): Html {
  if (post.state === 'deleted') return html`<p class="placeholder">This post was deleted by its author.</p>`;
  if (post.state === 'hidden' && post.bodyHtml === null) {
    return html`<p class="placeholder">This post was hidden by a community manager${post.hiddenReason ? html`: ${post.hiddenReason}` : ''}.</p>`;
  }
  return html`${post.state === 'hidden' ? html`<p class="placeholder">Hidden from others by a community manager${post.hiddenReason ? html`: ${post.hiddenReason}` : ''}.</p>` : ''}
<div class="post-body">${post.bodyHtml ? safe(post.bodyHtml) : ''}</div>`;
}

function actions(post: PostView): Html {
  if (!post.canEdit && !post.canDelete && !post.canViewRevisions) return html``;
  return html`<div class="post-actions">
  ${post.canEdit ? html`<a href="/p/${post.id}/edit">Edit</a>` : ''}
  ${post.canViewRevisions ? html`<a href="/p/${post.id}/revisions">History</a>` : ''}
  ${post.canDelete
    ? html`<form method="post" action="/p/${post.id}/delete" class="inline-form"><button type="submit" class="link-button danger">Delete</button></form>`
    : ''}
</div>`;
}

/** One post in a thread; `id="post-N"` is the anchor permalinks and reply redirects point at. */
export function postArticle(post: PostView): Html {
  const { author } = post;
  return html`<article class="post${author.role !== 'member' ? ' post-staff' : ''}${post.state !== 'visible' ? ' post-removed' : ''}" id="post-${post.number}">
  <header class="post-meta">
    <a class="author" href="/u/${encodeURIComponent(author.username)}">${author.username}</a>${badge(author.role)}
    <a class="post-link" href="/p/${post.id}" title="Link to this post">#${post.number}</a>
    ${time(post.createdAt)}${post.editedAt !== null ? html` <span class="edited" title="Edited">(edited ${time(post.editedAt)})</span>` : ''}
  </header>
  ${body(post)}
  ${actions(post)}
</article>`;
}
