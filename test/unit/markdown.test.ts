import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { holdNodeIteratorsStrongly } from '../../src/markdown/jsdom-node-iterators.js';
import { mentionedNames } from '../../src/markdown/mentions.js';
import { markdownToHtml } from '../../src/markdown/render.js';
import { RENDER_VERSION, type MarkdownRenderer } from '../../src/markdown/renderer.js';
import { createSanitizer } from '../../src/markdown/sanitize.js';
import { createMarkdownRenderer } from '../../src/markdown/worker-pool.js';

// Starting a worker loads jsdom, which takes seconds on a busy machine.
const WORKER_TIMEOUT = 120_000;

// As in the markdown worker, so these tests check the sanitizer the server runs.
holdNodeIteratorsStrongly();
const window = new JSDOM('').window;
const sanitize = createSanitizer(window);
const render = (markdown: string) => sanitize(markdownToHtml(markdown));

/** Every URL the browser would follow or load from this HTML, as the browser would read it. */
function urlsIn(html: string): { hrefs: string[]; srcs: string[] } {
  const container = window.document.createElement('div');
  container.innerHTML = html;
  const all = (selector: string, attribute: string) =>
    [...container.querySelectorAll(selector)].map((element) => element.getAttribute(attribute) ?? '');
  return { hrefs: all('[href]', 'href'), srcs: all('[src]', 'src') };
}

const dangerousScheme = /^[\s\u0000-\u001f]*(?:j\s*a\s*v\s*a\s*s\s*c\s*r\s*i\s*p\s*t|vbscript|data)\s*:/i;

const rawHtml = [
  ['<script>alert(1)</script>', '&lt;script&gt;', '<script'],
  ['hi <img src=x onerror=alert(1)> there', '&lt;img src=x onerror=alert(1)&gt;', '<img'],
  ['<iframe src="https://evil.example/"></iframe>', '&lt;iframe', '<iframe'],
  ['<div>\n**still markdown**\n</div>', '&lt;div&gt;', '<div'],
] as const;

const hostileUrls = [
  '[x](javascript:alert(1))',
  '[x](JAVASCRIPT:alert(1))',
  '[x](  javascript:alert(1))',
  '[x](&#106;avascript:alert(1))',
  '[x](java&#x09;script:alert(1))',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD4=)',
  '<javascript:alert(1)>',
  '[x][evil]\n\n[evil]: javascript:alert(1)',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '![x](javascript:alert(1))',
];

const pathological: Record<string, string> = {
  'quote markers': '>'.repeat(50_000),
  'spaced quote markers': '> '.repeat(25_000),
  'open brackets': '['.repeat(50_000),
  'brackets and parens': '[a]('.repeat(12_500),
  asterisks: '*'.repeat(50_000),
  'asterisk words': '*a'.repeat(25_000),
  'underscore words': '_a'.repeat(25_000),
  'mixed delimiters': '_*a'.repeat(16_666),
  'exclamation marks': '!'.repeat(50_000),
  'html comments': '<!--'.repeat(12_500),
  'one-line nested lists': '1. '.repeat(16_666),
  'quotes and lists': '> - '.repeat(12_500),
  'indented nested lists': Array.from({ length: 1000 }, (_, i) => `${' '.repeat((i % 120) * 2)}- x`).join('\n').slice(0, 50_000),
  'deep quotes, many times': `${'>'.repeat(25)} x\n\n`.repeat(1800),
  'many links': '[a](https://example.com/) '.repeat(1900),
  'wide table': `|${'a|'.repeat(2000)}\n|${'-|'.repeat(2000)}\n${'b\n'.repeat(20_000)}`,
  'reference amplification': `[a]: https://example.com/${'a'.repeat(20_000)}\n\n${'[a]'.repeat(10_000)}`,
  'at signs': '@'.repeat(50_000),
  'glued mentions': 'x@abc'.repeat(10_000),
  'many mentions': '@abc '.repeat(10_000),
};

describe('markdownToHtml + sanitizer', () => {
  test.each(rawHtml)('raw HTML %j is shown as text', (markdown, shown, absent) => {
    const html = render(markdown);
    expect(html).toContain(shown);
    expect(html).not.toContain(absent);
  });

  test('markdown around escaped tags still renders', () => {
    expect(render('<b>**bold**</b>')).toBe('<p>&lt;b&gt;<strong>bold</strong>&lt;/b&gt;</p>\n');
  });

  test.each(hostileUrls)('%j never produces a dangerous href or src', (markdown) => {
    const { hrefs, srcs } = urlsIn(render(markdown));
    for (const url of [...hrefs, ...srcs]) expect(url).not.toMatch(dangerousScheme);
    expect(srcs).toEqual([]);
  });

  test('images only load over https or from the forum itself', () => {
    expect(urlsIn(render('![x](http://insecure.example/a.png)')).srcs).toEqual([]);
    expect(urlsIn(render('![x](//elsewhere.example/a.png)')).srcs).toEqual([]);
    expect(render('![cat](https://images.example/cat.png "Cat")')).toBe(
      '<p><img src="https://images.example/cat.png" alt="cat" title="Cat"></p>\n',
    );
    expect(urlsIn(render('![x](/uploads/a.png)')).srcs).toEqual(['/uploads/a.png']);
  });

  test('links keep safe URLs and carry rel="nofollow ugc noopener"', () => {
    expect(render('[thread](/t/12/hello)')).toBe('<p><a href="/t/12/hello" rel="nofollow ugc noopener">thread</a></p>\n');
    const html = render('[a](https://example.com/x) [b](mailto:help@example.com) https://auto.example/');
    expect(urlsIn(html).hrefs).toEqual(['https://example.com/x', 'mailto:help@example.com', 'https://auto.example/']);
    expect(html.match(/rel="nofollow ugc noopener"/g)).toHaveLength(3);
  });

  test('code blocks keep their language and escape their content', () => {
    expect(render('```ts\nconst tag = "<b>";\n```')).toBe(
      '<pre><code class="language-ts">const tag = "&lt;b&gt;";\n</code></pre>\n',
    );
    expect(render('use `<br>` here')).toBe('<p>use <code>&lt;br&gt;</code> here</p>\n');
  });

  test('tables render with their alignment', () => {
    const html = render('| Part | Price |\n|:-----|------:|\n| Belt | 40 € |');
    expect(html).toContain('<table>');
    expect(html).toContain('<th align="left">Part</th>');
    expect(html).toContain('<td align="right">40 €</td>');
  });

  test('headings sit below the page headings, line breaks and task lists survive', () => {
    expect(render('# One\n## Two\n#### Four')).toBe('<h3>One</h3>\n<h4>Two</h4>\n<h6>Four</h6>\n');
    expect(render('first\nsecond')).toBe('<p>first<br>second</p>\n');
    expect(render('- [x] done\n- [ ] todo')).toBe('<ul>\n<li>[x] done</li>\n<li>[ ] todo</li>\n</ul>\n');
  });

  test('the sanitizer enforces the allowlist on HTML from anywhere', () => {
    expect(sanitize('<a href="javascript:alert(1)" target="_blank" style="color:red" class="x">x</a>')).toBe(
      '<a rel="nofollow ugc noopener">x</a>',
    );
    expect(sanitize('<a href="java&#10;script:alert(1)">x</a><a href="&#x6A;avascript:1">y</a>')).not.toContain('href');
    expect(sanitize('<img src="data:image/png;base64,AA"><img src=" JaVaScRiPt:alert(1)"><img>')).toBe('');
    expect(sanitize('<img src="https://x.example/a.png" srcset="http://y.example/b.png 2x" onerror="alert(1)">')).toBe(
      '<img src="https://x.example/a.png">',
    );
    expect(sanitize('<code class="language-js">a</code><p class="language-js">b</p>')).toBe(
      '<code class="language-js">a</code><p>b</p>',
    );
    expect(sanitize('<h1>t</h1><svg><a href="https://x.example/">s</a></svg><form><input></form>')).toBe('t');
  });

  test('a body tag in the input leaves neither itself nor its attributes', () => {
    expect(sanitize('<body onload="alert(1)" class="x"><p>a</p></body><body><p>b</p>')).toBe('<p>a</p><p>b</p>');
    expect(sanitize('<p>a</p><math><body onload="alert(1)">b</body></math><template><body>c</body></template>')).toBe('<p>a</p>b');
  });

  test('nesting deeper than 20 levels is flattened into text', () => {
    const html = render(`${'>'.repeat(100)} deep`);
    expect(html.match(/<blockquote>/g)).toHaveLength(20);
    expect(html).toContain('&gt;'.repeat(80));
  });

  test('the guards leave long ordinary paragraphs alone', () => {
    const sentence = 'Call read_config_file, then *maybe* 3 * 4 or a ~ b and [docs](https://example.com/a_b). ';
    const html = render(`${sentence.repeat(400)}Finally **bold**, *em* and ~~gone~~.`);
    expect(html).toContain('Finally <strong>bold</strong>, <em>em</em> and <del>gone</del>.</p>');
    expect(html.match(/<em>maybe<\/em>/g)).toHaveLength(400);
  });

  test('a post that would produce thousands of elements is shown as plain text', () => {
    expect(render('[a](https://example.com/) '.repeat(4000))).toMatch(/^<pre>\[a\]\(https:\/\/example\.com\/\) /);
  });

  // No timing assertions: the test timeout is the bound (each input takes well under a second).
  test.each(Object.entries(pathological))('pathological input (%s) renders', (_name, markdown) => {
    expect(typeof render(markdown)).toBe('string');
  });
});

describe('mentions', () => {
  const link = (name: string) => `<a class="mention" href="/u/${name}" rel="nofollow ugc noopener">@${name}</a>`;

  test('@username links to the profile, as typed', () => {
    expect(render('Thanks @bob and @Alice_2-x!')).toBe(`<p>Thanks ${link('bob')} and ${link('Alice_2-x')}!</p>\n`);
    expect(render('(@bob) **hi** @carol')).toBe(`<p>(${link('bob')}) <strong>hi</strong> ${link('carol')}</p>\n`);
    expect(render('# @bob')).toBe(`<h3>${link('bob')}</h3>\n`);
  });

  test.each([
    ['inline code', '`@bob`'],
    ['a code block', '    @bob'],
    ['a fenced block', '```\n@bob\n```'],
    ['link text', '[ask @bob](https://example.com/)'],
    ['a URL', 'https://example.com/@bob'],
    ['an e-mail address', 'write to bob@example.com'],
    ['a word', 'x@bob'],
    ['image text', '![@bob](https://example.com/a.png)'],
    ['too short a name', '@bo'],
    ['too long a name', `@${'b'.repeat(21)}`],
  ])('no mention in %s', (_where, markdown) => {
    const html = render(markdown);
    expect(html).not.toContain('class="mention"');
    expect(mentionedNames(html, 10)).toEqual([]);
  });

  test('the sanitizer keeps the class only on profile links', () => {
    expect(sanitize('<a class="mention" href="/u/bob">@bob</a>')).toBe(link('bob'));
    expect(sanitize('<a class="mention" href="https://evil.example/">@bob</a>')).toBe('<a href="https://evil.example/" rel="nofollow ugc noopener">@bob</a>');
    expect(sanitize('<p class="mention">x</p>')).toBe('<p>x</p>');
  });

  test('mentionedNames lists distinct lower-cased names, up to the limit', () => {
    const html = render('@Bob @bob @carol @dave');
    expect(mentionedNames(html, 10)).toEqual(['bob', 'carol', 'dave']);
    expect(mentionedNames(html, 2)).toEqual(['bob', 'carol']);
  });
});

describe('createMarkdownRenderer', () => {
  let renderer: MarkdownRenderer;
  beforeAll(() => {
    renderer = createMarkdownRenderer();
  });
  afterAll(async () => {
    await renderer.close();
  });

  test(
    'renders through the worker with the current render version',
    async () => {
      const rendered = await renderer.render('**hi** <script>alert(1)</script> [x](javascript:alert(1))');
      expect(rendered).toEqual({
        html: '<p><strong>hi</strong> &lt;script&gt;alert(1)&lt;/script&gt; <a rel="nofollow ugc noopener">x</a></p>\n',
        text: 'hi <script>alert(1)</script> x',
        // ASCII markdown analyzes to itself: the index reads the body.
        searchText: null,
        renderVersion: RENDER_VERSION,
      });
      // Text the search analyzer changes comes back analyzed (ADR 0029).
      expect((await renderer.render('**充电器**坏了')).searchText).toBe('** 充电器 ** 坏 了 \n充电 电器');
      const image = await renderer.render('![x](data:image/png;base64,iVBORw0KGgo=) ![y](https://img.example/y.png)');
      expect(image.html).toBe('<p> <img src="https://img.example/y.png" alt="y"></p>\n');
    },
    WORKER_TIMEOUT,
  );

  test(
    'pathological input renders in the worker',
    async () => {
      for (const markdown of Object.values(pathological)) {
        await expect(renderer.render(markdown)).resolves.toMatchObject({ renderVersion: RENDER_VERSION });
      }
    },
    WORKER_TIMEOUT,
  );
});

describe('worker lifecycle', () => {
  const bodies = Array.from({ length: 10 }, (_, index) => `Post number ${index}: **bold ${index}**`);
  const expected = (index: number) => `<p>Post number ${index}: <strong>bold ${index}</strong></p>\n`;

  test(
    'recycling workers keeps every result matched to its input',
    async () => {
      const renderer = createMarkdownRenderer({ recycleAfter: 3 });
      try {
        const concurrent = await Promise.all(bodies.map((body) => renderer.render(body)));
        concurrent.forEach((result, index) => expect(result.html).toBe(expected(index)));
        for (const [index, body] of bodies.entries()) {
          expect((await renderer.render(body)).html).toBe(expected(index));
        }
      } finally {
        await renderer.close();
      }
    },
    WORKER_TIMEOUT,
  );

  test(
    'a worker whose heap passes its budget is replaced, whatever its render count',
    async () => {
      // Any heap passes a one-byte budget: each render after the first finds its worker due.
      const renderer = createMarkdownRenderer({ recycleAfter: 1_000_000, recycleAtHeapBytes: 1 });
      try {
        for (const [index, body] of bodies.slice(0, 3).entries()) expect((await renderer.render(body)).html).toBe(expected(index));
        expect(renderer.stats().recycled).toBeGreaterThanOrEqual(2);
      } finally {
        await renderer.close();
      }
    },
    WORKER_TIMEOUT,
  );

  test(
    'the successor worker loads while the old one renders, so recycling never waits for a cold start',
    async () => {
      const renderer = createMarkdownRenderer({ recycleAfter: 4 });
      try {
        // Near the end of the budget (at 90%: the fourth of four), the successor starts loading.
        for (const index of [0, 1, 2, 3]) expect((await renderer.render(bodies[index]!)).html).toBe(expected(index));
        const deadline = Date.now() + WORKER_TIMEOUT / 2;
        while (!renderer.stats().spareReady) {
          if (Date.now() > deadline) throw new Error('the successor worker never became ready');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        for (const index of [4, 5, 6, 7]) expect((await renderer.render(bodies[index]!)).html).toBe(expected(index));
        expect(renderer.stats()).toMatchObject({ recycled: 1, coldRecycles: 0 });
      } finally {
        await renderer.close();
      }
    },
    WORKER_TIMEOUT,
  );

  test(
    'close() keeps settled results, rejects pending and later renders',
    async () => {
      const renderer = createMarkdownRenderer();
      const done = await renderer.render('before');
      const pending = renderer.render('in flight').then(
        () => 'resolved',
        (error: Error) => error.message,
      );
      await renderer.close();
      expect(done.html).toBe('<p>before</p>\n');
      expect(await pending).toMatch(/closed before this post was rendered/);
      await expect(renderer.render('after')).rejects.toThrow(/closed/);
      await renderer.close();
    },
    WORKER_TIMEOUT,
  );

  test(
    'a render that runs past the timeout is rejected; what queued behind it moves on',
    async () => {
      const renderer = createMarkdownRenderer({ timeoutMs: 1 });
      try {
        // Close to the element budget: takes far longer than 1 ms to sanitize.
        const slow = renderer.render('x\n\n'.repeat(2900));
        const queued = renderer.render('queued').then(
          (rendered) => rendered.html,
          (error: Error) => error.message,
        );
        await expect(slow).rejects.toThrow(/took longer than 1 ms/);
        // Re-sent to a fresh worker: it renders, or (1 ms is short) times out there on its own.
        expect(await queued).toMatch(/^(<p>queued<\/p>\n|Rendering the post took longer than 1 ms)/);
      } finally {
        await renderer.close();
      }
    },
    WORKER_TIMEOUT,
  );

  test(
    'an idle worker does not keep the process alive',
    async () => {
      const folder = mkdtempSync(join(tmpdir(), 'hearth-markdown-'));
      const script = join(folder, 'idle.mts');
      const pool = new URL('../../src/markdown/worker-pool.ts', import.meta.url).href;
      writeFileSync(
        script,
        `import { createMarkdownRenderer } from ${JSON.stringify(pool)};\n` +
          `const rendered = await createMarkdownRenderer().render('*idle*');\n` +
          `console.log(rendered.html.trim());\n`,
      );
      try {
        // Never closed: the child exits only if the idle worker is unref'd.
        const stdout = await new Promise<string>((resolve, reject) => {
          execFile(process.execPath, ['--import', 'tsx', script], { timeout: WORKER_TIMEOUT - 10_000 }, (error, out) =>
            error ? reject(error) : resolve(out),
          );
        });
        expect(stdout.trim()).toBe('<p><em>idle</em></p>');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    WORKER_TIMEOUT,
  );
});
