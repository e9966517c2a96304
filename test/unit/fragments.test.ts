import { describe, expect, it } from 'vitest';
import { html, scriptNonce } from '../../views/html.js';
import { joinWithNonce, withNonce } from '../../src/lib/csp.js';
import { encodeFragment, Frame, hole, PageFragments } from '../../src/routes/fragments.js';

// A page assembled from encoded fragments must be byte for byte the page rendered as one string.

describe('PageFragments', () => {
  it('assembles the same bytes as the page rendered whole, nonces in fragments included', () => {
    const article = html`<article>Tea — “hot” › <b>${'<escaped>'}</b></article>`;
    const script = html`<script${scriptNonce}>{"a":"ü’"}</script>`;
    const whole = (parts: unknown[]) => html`<!doctype html><head>${parts[0]}</head><p>Café ’ ${parts[1]}</p><script${scriptNonce} src="/x.js"></script>${parts[2]}`;
    const fragments = new PageFragments();
    const page = whole([fragments.add(encodeFragment(script)), fragments.add(encodeFragment(article)), fragments.add(encodeFragment(article))]).toString();
    const nonce = 'bm9uY2Utb2YtdGhpcy1yZXNwb25zZQ==';
    const expected = Buffer.from(withNonce(whole([script, article, article]).toString(), nonce));
    const assembled = fragments.assemble(page);
    expect(assembled.withNonce(nonce).equals(expected)).toBe(true);
    // Split at the nonces for the page cache, it serves the same bytes.
    const parts = assembled.parts();
    expect(parts).toHaveLength(3);
    expect(joinWithNonce(parts, nonce).equals(expected)).toBe(true);
  });

  it('leaves a page without fragments or nonces as it is', () => {
    const assembled = new PageFragments().assemble('<p>plain ’</p>');
    expect(assembled.parts().map((part) => part.toString())).toEqual(['<p>plain ’</p>']);
    expect(assembled.withNonce('n').toString()).toBe('<p>plain ’</p>');
  });

  it('refuses a marker for a fragment another page added', () => {
    const other = new PageFragments();
    const marker = other.add(encodeFragment('<p>theirs</p>')).toString();
    expect(() => new PageFragments().assemble(`<div>${marker}</div>`)).toThrow();
  });
});

describe('Frame', () => {
  const nonce = 'bm9uY2Utb2YtdGhpcy1yZXNwb25zZQ==';
  const page = (parts: { head: unknown; who: unknown; posts: unknown }) =>
    html`<!doctype html><head>${parts.head}<script${scriptNonce}></script></head><nav>${parts.who}</nav><main>Café › ${parts.posts}</main>`;

  it('filled with markup, fragments and an assembled part, gives the bytes of the page rendered whole', () => {
    const head = html`<script type="application/ld+json"${scriptNonce}>{"name":"Tea ’"}</script>`;
    const who = html`<a href="/u/carol">carol “c”</a><script${scriptNonce}></script>`;
    const articles = [html`<article>one ’</article>`, html`<article>two${scriptNonce}</article>`];
    const fragments = new PageFragments();
    const frame = Frame.of(page({ head: fragments.add(encodeFragment(head)), who: hole('who'), posts: hole('posts') }), fragments);
    const inner = Frame.of(html`<div>${hole('list')}</div>`).fill({ list: articles.map(encodeFragment) });
    const filled = frame.fill({ who, posts: inner });
    const whole = withNonce(page({ head, who, posts: html`<div>${articles}</div>` }).toString(), nonce);
    expect(filled.withNonce(nonce).equals(Buffer.from(whole))).toBe(true);
    expect(joinWithNonce(filled.parts(), nonce).equals(Buffer.from(whole))).toBe(true);
  });

  it('writes the same bytes into a buffer of its own as it joins, with the nonce in place', () => {
    const frame = Frame.of(page({ head: '', who: hole('who'), posts: hole('posts') }));
    const who = html`carol ’ 张 <script${scriptNonce}></script> ✓`;
    const filled = frame.fill({ who, posts: ['<p>one ›</p>', '<p>two</p>'].map(encodeFragment) });
    const target = Buffer.alloc(filled.byteLength(nonce.length) + 100, 0x78);
    const whole = Buffer.from(withNonce(page({ head: '', who, posts: html`<p>one ›</p><p>two</p>` }).toString(), nonce));
    expect(filled.byteLength(nonce.length)).toBe(whole.length);
    expect(filled.withNonce(nonce).equals(whole)).toBe(true);
    expect(filled.writeInto(target, nonce).equals(whole)).toBe(true);
    expect(joinWithNonce(filled.parts(), nonce).equals(whole)).toBe(true);
  });

  it('is filled again for each viewer without keeping the last one’s parts', () => {
    const frame = Frame.of(page({ head: '', who: hole('who'), posts: hole('posts') }));
    const carol = frame.fill({ who: 'carol', posts: [] }).withNonce(nonce).toString();
    const dave = frame.fill({ who: 'dave', posts: [] }).withNonce(nonce).toString();
    expect(carol).toContain('<nav>carol</nav>');
    expect(dave).toContain('<nav>dave</nav>');
    expect(dave).not.toContain('carol');
  });

  it('takes each hole’s filling from the first record that has it', () => {
    const frame = Frame.of(page({ head: '', who: hole('who'), posts: hole('posts') }));
    const filled = frame.fill({ who: 'carol' }, { who: 'dave', posts: ['<p>one</p>'].map(encodeFragment) }).withNonce(nonce).toString();
    expect(filled).toContain('<nav>carol</nav>');
    expect(filled).not.toContain('dave');
    expect(filled).toContain('<p>one</p>');
    expect(() => frame.fill({ who: 'carol' }, {})).toThrow(/posts/);
  });

  it('refuses to leave a hole unfilled, and a page with holes is not assembled as a whole page', () => {
    const frame = Frame.of(html`<p>${hole('who')}</p>`);
    expect(() => frame.fill({})).toThrow(/who/);
    expect(() => new PageFragments().assemble(hole('who').toString())).toThrow();
  });
});
