import sharp from 'sharp';
import type { SignedIn } from '../../src/lib/context.js';
import { SESSION_COOKIE } from '../../src/auth/cookie.js';
import { createSession } from '../../src/auth/session.js';
import type { TestContext } from './app.js';

/** A photo as a phone takes it: EXIF with GPS and a camera serial, stored sideways (orientation 6). */
export async function phonePhoto(width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#c0392b' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'Phone', Model: 'Camera 12', Copyright: 'Alice' },
      IFD2: { BodySerialNumber: 'SN-123456' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .toBuffer();
}

export async function pngImage(width = 40, height = 30): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: '#2563eb' } }).png().toBuffer();
}

/** A two-frame GIF, red then green. */
export async function animatedGif(): Promise<Buffer> {
  const frame = 20 * 20 * 4;
  const pixels = Buffer.alloc(frame * 2);
  for (let at = 0; at < frame * 2; at += 4) {
    pixels[at + (at < frame ? 0 : 1)] = 255;
    pixels[at + 3] = 255;
  }
  return sharp(pixels, { raw: { width: 20, height: 40, channels: 4, pageHeight: 20 } }).gif({ delay: [100, 100], loop: 0 }).toBuffer();
}

export const htmlAsPng = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
export const svgWithScript = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><script>alert(1)</script><rect width="40" height="40"/></svg>');

type MultipartOptions = { as?: SignedIn; json?: boolean; fileField?: string };

/** A multipart form post as a browser on the site's origin sends it (with a file named `name`). */
export function postMultipart(ctx: Pick<TestContext, 'app' | 'config' | 'db' | 'clock'>, path: string, fields: Record<string, string>, file: { name: string; type: string; bytes: Uint8Array } | null, options: MultipartOptions = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append(options.fileField ?? 'file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const headers: Record<string, string> = { origin: new URL(ctx.config.baseUrl).origin };
  if (options.as) headers['cookie'] = `${SESSION_COOKIE}=${createSession(ctx.db, options.as.id, ctx.clock.now()).token}`;
  if (options.json) headers['accept'] = 'application/json';
  return ctx.app.request(new URL(path, ctx.config.baseUrl).toString(), { method: 'POST', body: form, headers });
}

export const jpegFile = (bytes: Uint8Array, name = 'charger-error.jpg') => ({ name, type: 'image/jpeg', bytes });
