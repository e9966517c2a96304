import type { PublicPost, PublicThread } from '../../src/embed/read.js';
import { legacyTime } from '../components/time.js';
import { html, safe, type Html } from '../html.js';

export type EmbedThreadProps = PublicThread & { baseUrl: string };

const badges: Record<PublicPost['author']['role'], string | null> = { member: null, manager: 'Community manager', admin: 'Admin' };

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function post(item: PublicPost, baseUrl: string): Html {
  const badge = badges[item.author.role];
  return html`<article class="embed-post${badge ? ' embed-post-staff' : ''}${item.isSolution ? ' embed-post-solution' : ''}" id="post-${item.number}">
  <header class="embed-post-meta">
    <a class="embed-author" href="${baseUrl}/u/${encodeURIComponent(item.author.username)}">${item.author.username}</a>${badge ? html`<span class="embed-badge">${badge}</span>` : ''}${
      item.isSolution ? html`<span class="embed-tag embed-tag-solved">Solution</span>` : ''
    }
    <a class="embed-post-link" href="${baseUrl}/p/${item.id}">${legacyTime(item.createdAt)}</a>
  </header>
  <div class="embed-post-body">${item.bodyHtml ? safe(item.bodyHtml) : ''}</div>
</article>`;
}

/** The call to action: replies happen in the community, never inside the read-only frame. */
function action(props: EmbedThreadProps, threadUrl: string): Html {
  const { thread } = props;
  const label = thread.locked ? 'Read the full discussion' : thread.replyCount === 0 ? 'Join the discussion' : 'Reply in the community';
  const more = props.totalPages > 1 ? html`<a href="${threadUrl}?page=2">Read the rest of the discussion</a>` : '';
  return html`<p class="embed-actions"><a class="embed-button" href="${threadUrl}">${label}</a>${more}</p>`;
}

export function embedThread(props: EmbedThreadProps): Html {
  const { thread, category, baseUrl } = props;
  const threadUrl = `${baseUrl}/t/${thread.id}/${thread.slug}`;
  // Frames show only readable posts: a placeholder for a removed post means nothing out of context.
  const visible = props.posts.filter((item) => item.state === 'visible');
  return html`<header class="embed-head">
  <h1 class="embed-title"><a href="${threadUrl}">${thread.title}</a></h1>
  <p class="embed-meta">${plural(thread.replyCount, 'reply', 'replies')} in <a href="${baseUrl}/c/${category.slug}">${category.name}</a>${
    thread.solved ? html` <span class="embed-tag embed-tag-solved">Solved</span>` : ''
  }${thread.locked ? html` <span class="embed-tag">Locked</span>` : ''}</p>
</header>
<div class="embed-posts">${visible.map((item) => post(item, baseUrl))}</div>
${thread.replyCount === 0 ? html`<p class="embed-empty">No replies yet. Be the first to answer in the community.</p>` : ''}
${action(props, threadUrl)}`;
}
