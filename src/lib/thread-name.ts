import { writeFileSync } from 'node:fs';

/** Names the calling thread for `top -H` and `ps -T`. Linux takes 15 bytes at most, through /proc; elsewhere the name is simply not set. */
export function nameThisThread(name: string): void {
  try {
    writeFileSync('/proc/thread-self/comm', name);
  } catch {
    // Not Linux, or /proc not mounted: only a diagnostic is lost.
  }
}
