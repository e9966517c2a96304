import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where upload files live, by content hash. The local folder below is the only store built; an
 * S3-compatible bucket is the documented extension point (docs/uploads.md): implement these four
 * methods over it and hand it to createApp and the background jobs instead.
 */
export type UploadStore = {
  /** Stores the bytes under their hash; a file already there is the same bytes and is kept. */
  put(hash: string, ext: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there is no such file. */
  get(hash: string, ext: string): Promise<Uint8Array | null>;
  remove(hash: string, ext: string): Promise<void>;
};

/** The relative path of a file: a folder per first two hex digits keeps folders small. */
export function uploadFilePath(hash: string, ext: string): string {
  return join(hash.slice(0, 2), `${hash}.${ext}`);
}

/** Whether a file is there (any error reading it counts as not). */
export async function fileExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Files under one folder (UPLOADS_PATH), written to a temporary name and renamed into place. */
export function localUploadStore(root: string): UploadStore {
  return {
    async put(hash, ext, bytes) {
      const path = join(root, uploadFilePath(hash, ext));
      if (await fileExists(path)) return;
      await mkdir(join(root, hash.slice(0, 2)), { recursive: true });
      // A reader never sees half a file: rename is atomic within one file system.
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, bytes);
      await rename(temporary, path);
    },
    async get(hash, ext) {
      try {
        return await readFile(join(root, uploadFilePath(hash, ext)));
      } catch (error) {
        if ((error as { code?: string }).code === 'ENOENT') return null;
        throw error;
      }
    },
    async remove(hash, ext) {
      await rm(join(root, uploadFilePath(hash, ext)), { force: true });
    },
  };
}
