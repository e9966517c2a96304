import { dirname, join } from 'node:path';
import type { Config } from '../config.js';

/**
 * Where uploaded images are stored by hash (UPLOADS_PATH, else `uploads/` beside the database), for
 * copying a member's into their export. The uploads feature owns the setting; this reads the same
 * environment variable until its value is part of the configuration.
 */
export function uploadsFolder(config: Pick<Config, 'databasePath'>, env: Record<string, string | undefined> = process.env): string {
  const configured = (config as { uploadsPath?: unknown }).uploadsPath;
  if (typeof configured === 'string' && configured.length > 0) return configured;
  return env['UPLOADS_PATH'] || join(dirname(config.databasePath), 'uploads');
}
