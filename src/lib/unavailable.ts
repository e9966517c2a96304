import { isBusy } from '../db/busy.js';
import { msg, type Message } from '../i18n/message.js';

/**
 * SQLite errors that mean "not now" rather than "bug" — another process holds the write lock, or
 * the disk is full — as the message to show, or null for anything else. Pages answer them with
 * 503 and Retry-After; forms re-show the person's text with the message.
 */
export function unavailableMessage(error: unknown): Message | null {
  if (isBusy(error)) return msg('request.busy');
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE' || code === 'SQLITE_IOERR') {
    return msg('request.diskFull');
  }
  return null;
}

export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;
