import type { Context } from 'hono';
import { msg } from '../i18n/message.js';
import { ValidationError } from '../lib/errors.js';
import { rules } from '../lib/rate-limit.js';
import type { UploadPurpose } from '../db/schema.js';
import { receiveUpload, type ReceivedUpload } from '../uploads/receive.js';
import type { AppEnv } from './env.js';

/** The file a multipart form carries, or null when none was chosen (browsers send an empty part). */
export async function formFile(c: Context<AppEnv>): Promise<File | null> {
  const value = (await c.req.parseBody())['file'];
  const file = Array.isArray(value) ? value.at(-1) : value;
  return file instanceof File && (file.size > 0 || file.name !== '') ? file : null;
}

/** Whether a composer's submission is an upload: its "Upload image" button, or a file chosen and sent with it. */
export async function isUploadStep(c: Context<AppEnv>, form: Record<string, string>): Promise<boolean> {
  return form['intent'] === 'upload' || (await formFile(c)) !== null;
}

/** Stores the form's image for the viewer (rate-limited per member; src/uploads/receive.ts checks the rest). */
export async function uploadFormFile(c: Context<AppEnv>, purpose: UploadPurpose): Promise<ReceivedUpload> {
  const file = await formFile(c);
  if (!file) throw new ValidationError({ file: msg('upload.chooseFile') });
  const viewer = c.get('viewer');
  if (viewer) c.get('limits').take(`upload:${viewer.id}`, rules.uploadPerMember);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return receiveUpload({ ...c.get('services'), ...c.get('uploads') }, viewer, { bytes, name: file.name, purpose });
}

/** The typed text with the image's markdown after it, on a paragraph of its own, as the script inserts it at the end. */
export function withImage(text: string, markdown: string): string {
  const typed = text.replace(/\s+$/, '');
  return typed ? `${typed}\n\n${markdown}\n` : `${markdown}\n`;
}
