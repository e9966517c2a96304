import { createMarkdownRenderer } from '../../src/markdown/worker-pool.js';
import { bodySources, RARE_WORDS, withSuffix } from './corpus.js';
import type { Random } from './random.js';

export type PooledBody = { body: string; html: string; text: string; long: boolean; suffixable: boolean };

/** How many generated bodies join the demo's ~250 hand-written ones. */
const GENERATED_BODIES = 450;

/**
 * Renders every distinct body once through the app's real pipeline (marked, then DOMPurify on
 * jsdom in the worker). It also renders each body with a suffix sentence and keeps the suffix
 * shortcut only for bodies where `withSuffix` gives byte-for-byte what the renderer gives.
 */
export async function renderPool(random: Random, posts: number): Promise<PooledBody[]> {
  // A tiny dataset (the smoke test's) needs no more distinct bodies than a few per post.
  const sources = bodySources(random, GENERATED_BODIES).slice(0, Math.max(120, Math.floor(posts / 4)));
  const probe = `Side note, the support team answered within a day near ${RARE_WORDS[0]}.`;
  const markdown = createMarkdownRenderer();
  try {
    const rendered = await Promise.all(sources.map((body) => markdown.render(body)));
    const probed = await Promise.all(sources.map((body) => markdown.render(`${body}\n\n${probe}`)));
    const pool = sources.map((body, index) => {
      const { html, text } = rendered[index]!;
      const suffixed = withSuffix(body, html, text, probe);
      const suffixable = suffixed.html === probed[index]!.html && suffixed.text === probed[index]!.text;
      return { body, html, text, long: body.length >= 200, suffixable };
    });
    const unsuffixable = pool.filter((entry) => !entry.suffixable).length;
    if (unsuffixable > pool.length / 4) {
      throw new Error(`The suffix shortcut no longer matches the renderer for ${unsuffixable} of ${pool.length} bodies; update withSuffix() in corpus.ts.`);
    }
    return pool;
  } finally {
    await markdown.close();
  }
}
