import { describe, expect, it } from 'vitest';
import { html, scriptNonce } from '../../views/html.js';
import { joinWithNonce, withNonce } from '../../src/lib/csp.js';
import { encodeFragment, PageFragments } from '../../src/routes/fragments.js';

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
