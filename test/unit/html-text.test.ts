import { describe, expect, it } from 'vitest';
import { excerpt, htmlToText } from '../../src/lib/html-text.js';

describe('htmlToText', () => {
  it.each([
    ['<p>One</p><p>Two</p>', 'One Two'],
    ['<p>Use <strong>citric</strong> <em>acid</em>, not <a href="x">vinegar</a>.</p>', 'Use citric acid, not vinegar.'],
    ['<ul><li>a</li><li>b</li></ul>', 'a b'],
    ['<p>Tom &amp; Jerry &lt;3 &quot;quotes&quot; &#39;single&#39; &#x1F600; &nbsp;end</p>', 'Tom & Jerry <3 "quotes" \'single\' 😀 end'],
    ['<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>', '</script><script>alert(1)</script>'],
    ['<p>Unknown &bogus; and &#0; stay</p>', 'Unknown &bogus; and &#0; stay'],
    ['<pre><code>line 1\nline 2</code></pre>', 'line 1 line 2'],
    // Not well formed: a '<' without a '>' after it is text; entities without their ';' stay.
    ['<p>a < b</p> <<<', 'a < b <<<'],
    ['&#x; &#; &amp &#38;&#38;', '&#x; &#; &amp &&'],
    ['<h2>Title</h2>text<br>more<img src="x" alt="y">end', 'Title text more end'],
    ['<p2>glued</p2>words', 'gluedwords'],
  ])('%s → %s', (input, expected) => {
    expect(htmlToText(input)).toBe(expected);
  });
});

describe('excerpt', () => {
  it('keeps short text and cuts long text at a word with an ellipsis', () => {
    expect(excerpt('short', 10)).toBe('short');
    expect(excerpt('one two three four five', 16)).toBe('one two three…');
    expect(excerpt('abcdefghijklmnop', 5)).toBe('abcde…');
  });

  it('never ends on half of an emoji', () => {
    expect(excerpt('abcd😀efgh', 5)).toBe('abcd…');
  });
});
