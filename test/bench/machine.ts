import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import { projectPath } from '../../src/lib/paths.js';
import { tasksetAvailable } from './processes.js';

function cpuModel(): string {
  try {
    return readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
}

/** Read-only look at the checkout, so a result can be traced to the code it measured. */
function gitState(appRoot: string): { commit: string; dirty: boolean } | null {
  try {
    const options = { cwd: appRoot, encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
    // Only when appRoot is itself a checkout (an exported copy inside another repository is not).
    if (resolve(execFileSync('git', ['rev-parse', '--show-toplevel'], options).trim()) !== resolve(appRoot)) return null;
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], options).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], options).trim().length > 0;
    return { commit, dirty };
  } catch {
    return null;
  }
}

export function machineInfo(appRoot: string) {
  return {
    cpu: cpuModel(),
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    kernel: release(),
    node: process.versions.node,
    taskset: tasksetAvailable,
    loadGenerator: `autocannon ${autocannonVersion()}`,
    app: appRoot,
    git: gitState(appRoot),
  };
}

function autocannonVersion(): string {
  try {
    return (JSON.parse(readFileSync(projectPath('node_modules/autocannon/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
