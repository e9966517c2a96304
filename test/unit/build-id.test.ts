import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildId, hashFiles } from '../../src/lib/build-id.js';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A copy of a small project in a fresh folder: the same files wherever it is unpacked. */
function project(templates: string): string {
  const root = mkdtempSync(join(tmpdir(), 'hearth-build-'));
  folders.push(root);
  mkdirSync(join(root, 'views', 'pages'), { recursive: true });
  writeFileSync(join(root, 'views', 'pages', 'home.ts'), templates);
  writeFileSync(join(root, 'style.css'), 'body { margin: 0 }');
  return root;
}

const idOf = (root: string) => hashFiles([join(root, 'views'), join(root, 'style.css'), join(root, 'missing')], root);

describe('the build identifier', () => {
  it('is the same for the same files in any folder, and changes with any file', () => {
    expect(idOf(project('<h1>Hello</h1>'))).toBe(idOf(project('<h1>Hello</h1>')));
    expect(idOf(project('<h1>Hello!</h1>'))).not.toBe(idOf(project('<h1>Hello</h1>')));
  });

  it('is computed once per process', () => {
    expect(buildId()).toMatch(/^[0-9a-f]{16}$/);
    expect(buildId()).toBe(buildId());
  });
});
