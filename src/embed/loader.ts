import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

// embed.js is loaded on every page of a brand's help center, so it is served without its
// comments and indentation (the source in static/ keeps them). Our own file only: whole-line
// comments and leading whitespace go, nothing inside a line is touched, so no string can break.

export function compactScript(source: string): string {
  const kept: string[] = [];
  let inBlockComment = false;
  for (const line of source.split('\n')) {
    const text = line.trim();
    if (inBlockComment) {
      inBlockComment = !text.endsWith('*/');
      continue;
    }
    if (text.startsWith('/*')) {
      inBlockComment = !text.endsWith('*/');
      continue;
    }
    if (text === '' || text.startsWith('//')) continue;
    kept.push(text);
  }
  return `${kept.join('\n')}\n`;
}

export type LoaderAsset = { body: string; etag: string };

export function loadLoader(path: string): LoaderAsset {
  const body = compactScript(readFileSync(path, 'utf8'));
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}
