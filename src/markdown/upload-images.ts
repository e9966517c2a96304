import { isUploadExtension } from '../uploads/urls.js';

// Images uploaded here are inserted as /uploads/<hash>.<ext>?w=…&h=…[&s=<small hash>&sw=…]
// (src/uploads/urls.ts). The renderer has no database, so what the <img> needs to take its place
// before it loads (no layout shift) and to pick the smaller file on a phone travels in the query
// (ADR 0053). Numbers are checked here; a member who edits them only misdraws their own post.

const UPLOAD_SRC = /^\/uploads\/([0-9a-f]{64})\.([a-z]{3,4})(?:\?([^#]*))?$/;
const HASH = /^[0-9a-f]{64}$/;
/** The widest the post column shows an image (CSS px), for `sizes`. */
const COLUMN_PX = 760;

function pixels(value: string | null): number | null {
  if (value === null || !/^[1-9][0-9]{0,4}$/.test(value)) return null;
  return Number(value);
}

/** The attributes an <img> of one of our uploads gets, or null for any other image. */
export function uploadImageAttributes(src: string): Record<string, string> | null {
  const match = UPLOAD_SRC.exec(src);
  if (!match || !isUploadExtension(match[2]!)) return null;
  const [, hash, ext] = match;
  const file = `/uploads/${hash}.${ext}`;
  const query = new URLSearchParams(match[3] ?? '');
  const attributes: Record<string, string> = { src: file, loading: 'lazy', decoding: 'async' };
  const width = pixels(query.get('w'));
  const height = pixels(query.get('h'));
  if (width === null || height === null) return attributes;
  attributes['width'] = String(width);
  attributes['height'] = String(height);
  const small = query.get('s');
  const smallWidth = pixels(query.get('sw'));
  if (small !== null && HASH.test(small) && smallWidth !== null && smallWidth < width) {
    attributes['srcset'] = `/uploads/${small}.${ext} ${smallWidth}w, ${file} ${width}w`;
    attributes['sizes'] = `(max-width: ${COLUMN_PX}px) 100vw, ${COLUMN_PX}px`;
  }
  return attributes;
}
