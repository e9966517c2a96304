import type { Context } from 'hono';
import type { AppEnv } from './env.js';

// Forms that may carry an image (docs/uploads.md): POST /uploads, the avatar form, and the
// composers' "Upload image" without JavaScript (new thread, reply, edit). Only their multipart
// bodies get the larger limit; every other body keeps the 1 MB one.
const TAKES_IMAGES = /^\/(?:uploads|account\/avatar|t|t\/[0-9]+\/replies|p\/[0-9]+\/edit)$/;
/** Room for the form's other fields (the text typed so far) beside the image. */
const FORM_ROOM_BYTES = 256 * 1024;

export function takesImage(c: Context<AppEnv>): boolean {
  if (c.req.method !== 'POST' || !TAKES_IMAGES.test(c.req.path)) return false;
  return c.req.header('content-type')?.toLowerCase().startsWith('multipart/form-data') === true;
}

/** The largest body an image form may send: the image limit plus the rest of the form. */
export function imageBodyLimit(uploadMaxBytes: number): number {
  return uploadMaxBytes + FORM_ROOM_BYTES;
}

/** Whether the client asked for JSON (the composer's script does; forms do not). */
export function wantsJson(c: Context<AppEnv>): boolean {
  return c.req.header('accept')?.includes('application/json') === true;
}
