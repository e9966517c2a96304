import { createHash } from 'node:crypto';
import sharp, { type Sharp } from 'sharp';
import { msg } from '../i18n/message.js';
import { ValidationError } from '../lib/errors.js';
import type { UploadExtension } from './urls.js';

/** The longest edge a post image keeps, and the width of its smaller variant. */
export const MAX_EDGE = 2048;
export const SMALL_WIDTH = 640;
/** Avatars are square, this many pixels a side. */
export const AVATAR_SIZE = 256;
/** Decoding stops past this many pixels per frame (a 20,000 × 20,000 "bomb" is refused, not decoded). */
const MAX_INPUT_PIXELS = 50_000_000;

/**
 * The formats accepted, by what the bytes decode as (never the name or Content-Type): sharp also
 * reads SVG, TIFF, PDF and more, which are refused here.
 */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);

export type EncodedImage = { hash: string; ext: UploadExtension; bytes: Uint8Array; width: number; height: number };
export type ProcessedImage = { main: EncodedImage; small: EncodedImage | null; animated: boolean };
export type ImageOptions = { purpose: 'post' | 'avatar'; keepAnimation: boolean };

function refused(): ValidationError {
  return new ValidationError({ file: msg('upload.notAnImage') });
}

type Probe = { format: string; animated: boolean; hasAlpha: boolean };

async function probe(bytes: Uint8Array): Promise<Probe> {
  try {
    const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated: true }).metadata();
    if (!meta.format || !ACCEPTED.has(meta.format)) throw refused();
    return { format: meta.format, animated: (meta.pages ?? 1) > 1, hasAlpha: meta.hasAlpha === true };
  } catch (error) {
    throw error instanceof ValidationError ? error : refused();
  }
}

/** What an image is written as: photos stay JPEG, GIFs stay GIF while animated, the rest keep their kind. */
function outputExtension(input: Probe, animated: boolean): UploadExtension {
  if (input.format === 'jpeg') return 'jpg';
  if (input.format === 'gif') return animated ? 'gif' : 'png';
  if (input.format === 'webp') return 'webp';
  if (input.format === 'png') return 'png';
  return input.hasAlpha ? 'png' : 'jpg';
}

function encode(pipeline: Sharp, ext: UploadExtension): Sharp {
  // Without withMetadata()/keepExif() sharp writes no EXIF, XMP, IPTC or ICC profile (tested).
  if (ext === 'jpg') return pipeline.jpeg({ quality: 85, mozjpeg: true });
  if (ext === 'png') return pipeline.png();
  if (ext === 'webp') return pipeline.webp({ quality: 85 });
  return pipeline.gif();
}

async function render(bytes: Uint8Array, animated: boolean, ext: UploadExtension, shape: (image: Sharp) => Sharp): Promise<EncodedImage> {
  const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, animated }).rotate();
  try {
    const { data, info } = await encode(shape(image), ext).toBuffer({ resolveWithObject: true });
    const height = info.pageHeight ?? info.height;
    return { hash: createHash('sha256').update(data).digest('hex'), ext, bytes: data, width: info.width, height };
  } catch {
    throw refused();
  }
}

/**
 * Decodes, orients (EXIF orientation applied, then dropped with the rest of the metadata), resizes
 * and re-encodes an uploaded image; anything that does not decode as an accepted format is a 422.
 */
export async function processImage(bytes: Uint8Array, options: ImageOptions): Promise<ProcessedImage> {
  const input = await probe(bytes);
  if (options.purpose === 'avatar') {
    const ext = input.format === 'jpeg' || !input.hasAlpha ? 'jpg' : 'png';
    const main = await render(bytes, false, ext, (image) => image.resize(AVATAR_SIZE, AVATAR_SIZE, { fit: 'cover', position: 'centre' }));
    return { main, small: null, animated: false };
  }
  const animated = input.animated && options.keepAnimation;
  const ext = outputExtension(input, animated);
  const main = await render(bytes, animated, ext, (image) => image.resize(MAX_EDGE, MAX_EDGE, { fit: 'inside', withoutEnlargement: true }));
  const small = main.width > SMALL_WIDTH ? await render(bytes, animated, ext, (image) => image.resize({ width: SMALL_WIDTH })) : null;
  return { main, small, animated };
}
