import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { codePath, projectPath } from './paths.js';

// What every process of one build agrees on, and what changes when the HTML a page renders to may
// change: a SHA-256 over the files that shape it, read once at start. Those are the running code
// (src/ and views/, or their compiled copies in dist/), the message catalogs, the static files
// pages link to, and package-lock.json (the library versions, e.g. hono/html's escaping). A hash
// of the contents rather than the package version or a git commit: it is the same on every
// machine with the same files, needs no .git folder, and a local edit or a redeploy of changed
// files is never mistaken for the old build. Hashing the ~300 files (~2 MB) takes about 10 ms.

const sources = () => [codePath('src'), codePath('views'), projectPath('src/locales'), projectPath('static'), projectPath('package-lock.json')];

function filesUnder(path: string): string[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [path];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .map((name) => join(path, name))
    .filter((file) => statSync(file).isFile());
}

/** A hex digest of the given files and folders, each file named by its path relative to `base`. */
export function hashFiles(paths: string[], base: string): string {
  const hash = createHash('sha256');
  const files = [...new Set(paths.flatMap(filesUnder))].sort();
  for (const file of files) {
    hash.update(relative(base, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

let computed: string | undefined;

/** This build's identifier, computed on first use and kept for the life of the process. */
export function buildId(): string {
  computed ??= hashFiles(sources(), projectPath('.')).slice(0, 16);
  return computed;
}
