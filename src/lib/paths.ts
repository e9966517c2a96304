import { fileURLToPath } from 'node:url';

// The same modules run from src/ (tsx, tests) and from dist/src/ (the production build).
const here = fileURLToPath(new URL('.', import.meta.url));
const compiled = here.includes('/dist/src/');
const root = compiled ? new URL('../../../', import.meta.url) : new URL('../../', import.meta.url);
const codeRoot = compiled ? new URL('../../', import.meta.url) : root;

/** An absolute path inside the project folder, e.g. projectPath('static'). */
export function projectPath(relative: string): string {
  return fileURLToPath(new URL(relative, root));
}

/** An absolute path inside the folder the running code came from: dist/ when built, else the project. */
export function codePath(relative: string): string {
  return fileURLToPath(new URL(relative, codeRoot));
}
