import type { PublicPost, PublicThread } from '../../src/embed/read.js';
import { absolutize } from '../../src/embed/absolute-urls.js';
import { html, safe, type Html } from '../html.js';

export type EmbedFragmentProps = PublicThread & { baseUrl: string; siteName: string };

const dateFormat = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

function date(ms: number, prop: string): Html {
  const value = new Date(ms);
  return html`<time itemprop="${prop}" datetime="${value.toISOString()}">${dateFormat.format(value)}</time>`;
}

function author(item: PublicPost, baseUrl: string): Html {
  return html`<span class="hearth-fragment-author" itemprop="author" itemscope itemtype="https://schema.org/Person"><a itemprop="url" href="${baseUrl}/u/${encodeURIComponent(item.author.username)}"><span itemprop="name">${item.author.username}</span></a></span>`;
}

function reply(item: PublicPost, baseUrl: string): Html {
  return html`<li class="hearth-fragment-post" itemprop="comment" itemscope itemtype="https://schema.org/Comment">
  <p class="hearth-fragment-post-meta">${author(item, baseUrl)} · ${date(item.createdAt, 'datePublished')}</p>
  <div class="hearth-fragment-post-body" itemprop="text">${item.bodyHtml ? safe(absolutize(item.bodyHtml, baseUrl)) : ''}</div>
</li>`;
}

/**
 * The thread as plain HTML for the host's server to include in its page, so search engines
 * credit the article with the discussion: no <html>, no scripts, no styles, every class prefixed
 * `hearth-fragment`, every URL absolute, schema.org microdata instead of JSON-LD (a script).
 * embed.js finds `data-hearth-thread` on it and upgrades it in place to the live frame.
 */
export function embedFragment(props: EmbedFragmentProps): Html {
  const { thread, category, baseUrl } = props;
  const threadUrl = `${baseUrl}/t/${thread.id}/${thread.slug}`;
  const visible = props.posts.filter((item) => item.state === 'visible');
  const opening = visible.find((item) => item.number === 1);
  const replies = visible.filter((item) => item.number !== 1);
  return html`<section class="hearth-fragment" data-hearth-thread="${thread.id}" itemscope itemtype="https://schema.org/DiscussionForumPosting">
<h2 class="hearth-fragment-title"><a itemprop="url" href="${threadUrl}"><span itemprop="headline">${thread.title}</span></a></h2>
<p class="hearth-fragment-meta">${thread.replyCount} ${thread.replyCount === 1 ? 'reply' : 'replies'} in <a href="${baseUrl}/c/${category.slug}">${category.name}</a> · ${props.siteName} · ${date(thread.createdAt, 'datePublished')}${
    thread.solved ? ' · Solved' : ''
  }</p>
${opening ? html`<div class="hearth-fragment-opening">
  <p class="hearth-fragment-post-meta">${author(opening, baseUrl)}</p>
  <div class="hearth-fragment-post-body" itemprop="text">${opening.bodyHtml ? safe(absolutize(opening.bodyHtml, baseUrl)) : ''}</div>
</div>` : ''}
<meta itemprop="commentCount" content="${thread.replyCount}">
${replies.length ? html`<ol class="hearth-fragment-replies">${replies.map((item) => reply(item, baseUrl))}</ol>` : ''}
<p class="hearth-fragment-actions"><a class="hearth-fragment-link" href="${threadUrl}">${thread.locked ? 'Read the full discussion in the community' : 'Join the discussion in the community'}</a></p>
</section>`;
}
