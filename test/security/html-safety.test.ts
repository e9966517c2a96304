import { describe, expect, it } from 'vitest';
import { schemeOf, unsafeContent, unsafePage } from './html-safety.js';

// The XSS tests are only as good as this check: it must see what a browser would run.

describe('the structural HTML check', () => {
  it.each([
    '<img src=x onerror=alert(1)>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href=" java\tscript:alert(1)">x</a>',
    '<a href="\u0001javascript:alert(1)">x</a>',
    '<img src="DATA:image/png;base64,AAAA">',
    '<svg><a xlink:href="javascript:alert(1)">x</a></svg>',
    '<form><button formaction="vbscript:x">x</button></form>',
    '<iframe srcdoc="x"></iframe>',
    '<style>*{}</style>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  ])('flags %s in member content', (fragment) => {
    expect(unsafeContent(fragment)).not.toEqual([]);
  });

  it('passes ordinary post HTML', () => {
    expect(unsafeContent('<p><a href="https://example.com" rel="nofollow ugc noopener">x</a> <img src="https://i.example.com/a.png" alt=""></p><pre><code class="language-js">x</code></pre>')).toEqual([]);
  });

  it('allows only our own scripts on a page', () => {
    expect(unsafePage('<html><head><script src="/static/app.js"></script><script type="application/ld+json">{"a":"\\u003c"}</script></head><body><form method="post"></form></body></html>')).toEqual([]);
    expect(unsafePage('<html><body><script>alert(1)</script></body></html>')).not.toEqual([]);
    expect(unsafePage('<html><body><div class="post-body"><form></form></div></body></html>')).not.toEqual([]);
    expect(unsafePage('<html><head><base href="https://evil.example/"></head></html>')).not.toEqual([]);
  });

  it('reads schemes the way browsers do', () => {
    expect(schemeOf(' \u0000JaVa\tScRiPt:x')).toBe('javascript:');
    expect(schemeOf('/relative:path')).toBeNull();
    expect(schemeOf('https://example.com')).toBe('https:');
  });
});
