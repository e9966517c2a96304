import { fileURLToPath } from 'node:url';

// The same modules run from src/ (tsx, tests) and from dist/src/ (the production build).
const here = fileURLToPath(new URL('.', import.meta.url));
const root = here.includes('/dist/src/') ? new URL('../../../', import.meta.url) : new URL('../../', import.meta.url);

/** An absolute path inside the project folder, e.g. projectPath('static'). */
export function projectPath(relative: string): string {
  return fileURLToPath(new URL(relative, root));
}
