import { JSDOM } from 'jsdom';
import { describe, expect, test } from 'vitest';
import { holdNodeIteratorsStrongly } from '../../src/markdown/jsdom-node-iterators.js';
import { createSanitizer } from '../../src/markdown/sanitize.js';

// jsdom's implementation object behind a DOM wrapper (webidl2js keeps it under Symbol("impl")).
function implOf(wrapper: object): Record<string, unknown> {
  const symbol = Object.getOwnPropertySymbols(wrapper).find((candidate) => candidate.description === 'impl');
  if (!symbol) throw new Error('no jsdom implementation object found behind this wrapper');
  return (wrapper as Record<symbol, Record<string, unknown>>)[symbol]!;
}

describe('node iterators held strongly by their documents', () => {
  test('applies to the jsdom this project installs', () => {
    expect(holdNodeIteratorsStrongly()).toBe(true);
    expect(holdNodeIteratorsStrongly()).toBe(true);
    const { document } = new JSDOM('<p>one</p>').window;
    const iterator = document.createNodeIterator(document.body);
    const registry = implOf(document)._workingNodeIterators;
    expect(registry).toBeInstanceOf(Set);
    expect([...(registry as Set<unknown>)]).toEqual([implOf(iterator)]);
  });

  test('iterators still step over nodes removed under them', () => {
    holdNodeIteratorsStrongly();
    const { document } = new JSDOM('<div id="root"><b>1</b><i>2</i><b>3</b><i>4</i></div>').window;
    const root = document.getElementById('root')!;
    const iterator = document.createNodeIterator(root, 1);
    const seen: string[] = [];
    for (let node = iterator.nextNode(); node; node = iterator.nextNode()) {
      const element = node as Element;
      seen.push(element.tagName);
      // Removing the node the iterator stands on, as DOMPurify does with what it rejects.
      if (element.tagName === 'I') element.remove();
    }
    expect(seen).toEqual(['DIV', 'B', 'I', 'B', 'I']);
    expect(root.innerHTML).toBe('<b>1</b><b>3</b>');
  });

  test('DOMPurify removes rejected nodes in the middle of a walk as before', () => {
    holdNodeIteratorsStrongly();
    const sanitize = createSanitizer(new JSDOM('').window);
    // <b> is not allowed but harmless, so its text stays; script, iframe and style go whole.
    expect(sanitize('<p>a<script>x()</script><b>b</b><iframe src="x"></iframe><em>c</em></p><style>p{}</style><p>d</p>')).toBe('<p>ab<em>c</em></p><p>d</p>');
  });
});
