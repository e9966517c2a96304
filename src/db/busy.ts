/**
 * Whether a SQLite error means another connection held a lock for longer than busy_timeout: "not
 * now", not a fault. Errors carry SQLite's extended codes, so a lock that timed out may also read
 * SQLITE_BUSY_RECOVERY (another process recovering the WAL, as on a new file's first opens) or
 * SQLITE_BUSY_SNAPSHOT (a read that became a write after another process's commit).
 */
export function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
