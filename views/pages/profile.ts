import type { Profile, ProfilePost } from '../../src/forum/users.js';
import { badge } from '../components/post.js';
import { legacyTime } from '../components/time.js';
import { html, safe, type Html } from '../html.js';

export type ProfileProps = { profile: Profile; threadCount: number; posts: ProfilePost[]; nextCursor: string | null; isFirstPage: boolean };

export function profilePage(props: ProfileProps): Html {
  const { profile } = props;
  const path = `/u/${encodeURIComponent(profile.username)}`;
  return html`<div class="profile-heading">
  <h1>${profile.username} ${badge(profile.role)}</h1>
  <p class="muted">Joined ${legacyTime(profile.createdAt)} · ${profile.postCount} ${profile.postCount === 1 ? 'post' : 'posts'} · ${props.threadCount} ${props.threadCount === 1 ? 'thread' : 'threads'} started</p>
</div>
<h2>Recent posts</h2>
${props.posts.length === 0
  ? html`<p class="empty">${props.isFirstPage ? `${profile.username} has not posted yet.` : 'No older posts.'}</p>`
  : html`<ol class="profile-posts">${props.posts.map(
      (post) => html`<li class="profile-post">
  <p class="muted"><a href="/p/${post.id}">${post.number === 1 ? 'Started' : 'Replied in'} “${post.threadTitle}”</a> · ${legacyTime(post.createdAt)}${
    post.status !== 'published' ? html` <span class="tag">${post.status === 'pending' ? 'Awaiting approval' : 'Not published'}</span>` : ''
  }</p>
  <div class="post-body excerpt">${safe(post.bodyHtml)}</div>
</li>`,
    )}</ol>`}
<nav class="pagination" aria-label="More posts">
  ${props.isFirstPage ? '' : html`<a href="${path}">← Newest posts</a>`}
  ${props.nextCursor ? html`<a rel="next" href="${path}?before=${props.nextCursor}">Older posts →</a>` : ''}
</nav>`;
}
