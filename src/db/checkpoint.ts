import type { Db } from './client.js';

export type CheckpointResult = { mode: 'PASSIVE' | 'TRUNCATE'; busy: boolean; walFrames: number; checkpointed: number };

type Row = { busy: number; log: number; checkpointed: number };

/** How often the server checkpoints the WAL (src/server.ts). */
export const CHECKPOINT_INTERVAL_MS = 30_000;

/**
 * Copies the WAL back into the database so the WAL cannot grow without bound. PASSIVE never waits
 * for anyone; when it copied everything (no reader holds an older snapshot), TRUNCATE then empties
 * the file, without waiting either (busy_timeout 0 for that call): a reader arriving in between
 * just means the next run truncates. Failures are logged, never thrown: the next run tries again.
 */
export function checkpointWal(db: Db, warn: (message: string) => void): CheckpointResult | undefined {
  const client = db.$client;
  try {
    const passive = (client.pragma('wal_checkpoint(PASSIVE)') as Row[])[0]!;
    const result: CheckpointResult = { mode: 'PASSIVE', busy: passive.busy !== 0, walFrames: passive.log, checkpointed: passive.checkpointed };
    if (result.busy || passive.log !== passive.checkpointed) return result;
    const timeout = Number(client.pragma('busy_timeout', { simple: true }));
    client.pragma('busy_timeout = 0');
    try {
      const truncate = (client.pragma('wal_checkpoint(TRUNCATE)') as Row[])[0]!;
      return { mode: 'TRUNCATE', busy: truncate.busy !== 0, walFrames: truncate.log, checkpointed: truncate.checkpointed };
    } finally {
      client.pragma(`busy_timeout = ${timeout}`);
    }
  } catch (error) {
    warn(`WAL checkpoint failed: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
