import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { fileExists } from '../uploads/store.js';
import { uploadExtensions } from '../uploads/urls.js';

// Uploaded images live in files beside the database (UPLOADS_PATH), named by the hash of their
// bytes and never changed. `backup --to FILE` copies them to the folder FILE.uploads/ after the
// database; `restore --from FILE` copies them back. Only files missing at the destination are
// copied: the same name is the same bytes, so a second backup to the same place copies only what
// is new (docs/operations.md).

const FOLDER = /^[0-9a-f]{2}$/;
const FILE = new RegExp(`^[0-9a-f]{64}\\.(?:${uploadExtensions.join('|')})$`);

/** The folder holding a backup's images: beside the backup file, named after it. */
export function uploadsBesideBackup(backupFile: string): string {
  return `${backupFile}.uploads`;
}

async function entries(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw error;
  }
}

/** Copies every upload file of `from` that `to` lacks (through a temporary name); returns how many. */
export async function copyUploads(from: string, to: string): Promise<number> {
  let copied = 0;
  for (const folder of (await entries(from)).filter((name) => FOLDER.test(name))) {
    for (const name of (await entries(join(from, folder))).filter((file) => FILE.test(file))) {
      const target = join(to, folder, name);
      if (await fileExists(target)) continue;
      await mkdir(join(to, folder), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      await copyFile(join(from, folder, name), temporary);
      await rename(temporary, target);
      copied += 1;
    }
  }
  return copied;
}
