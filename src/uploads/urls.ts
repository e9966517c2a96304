// The one spelling of an upload's address (docs/uploads.md). Profiles show avatars with
// uploadUrl; the composer inserts uploadMarkdown; the sanitizer reads the same URL back.

/** Extensions of the files Hearth writes; nothing else is ever served from /uploads/. */
export const uploadExtensions = ['jpg', 'png', 'webp', 'gif'] as const;
export type UploadExtension = (typeof uploadExtensions)[number];

export const uploadContentTypes: Record<UploadExtension, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

const HASH = '[0-9a-f]{64}';
/** `/uploads/<sha-256>.<ext>` and nothing around it. */
export const UPLOAD_FILE_NAME = new RegExp(`^(${HASH})\\.(${uploadExtensions.join('|')})$`);
/** Every upload address in a post's markdown, for the post's links to its images. */
const UPLOAD_IN_TEXT = new RegExp(`/uploads/(${HASH})\\.(?:${uploadExtensions.join('|')})`, 'g');

export function isUploadExtension(value: string): value is UploadExtension {
  return (uploadExtensions as readonly string[]).includes(value);
}

/** Where an upload (or its smaller variant) is served. */
export function uploadUrl(hash: string, ext: string): string {
  return `/uploads/${hash}.${ext}`;
}

/** What the composer inserts for a post image; see renderedSize for what the query carries. */
export type PostImage = { hash: string; ext: string; width: number; height: number; small: { hash: string; width: number } | null };

/**
 * The address an image is inserted with: its size (and the smaller variant's hash and width) go in
 * the query, so the renderer, which has no database, can give the <img> width, height and srcset
 * (ADR 0053). The server ignores the query when serving.
 */
export function postImageUrl(image: PostImage): string {
  const size = `w=${image.width}&h=${image.height}`;
  const small = image.small ? `&s=${image.small.hash}&sw=${image.small.width}` : '';
  return `${uploadUrl(image.hash, image.ext)}?${size}${small}`;
}

/** Markdown for an image: brackets and backslashes in the alt text are escaped. */
export function postImageMarkdown(image: PostImage, alt: string): string {
  const text = alt.replace(/[\\[\]]/g, (character) => `\\${character}`).replace(/\s+/g, ' ').trim().slice(0, 120);
  return `![${text}](${postImageUrl(image)})`;
}

/** The hashes of every upload a post's markdown shows (main files only; duplicates once). */
export function uploadHashesIn(markdown: string): string[] {
  return [...new Set([...markdown.matchAll(UPLOAD_IN_TEXT)].map((match) => match[1]!))];
}
