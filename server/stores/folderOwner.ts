import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OWNER_FILE = 'owner.pid';

/** Whether `pid` is a live process (signal 0 checks without touching it). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** The pid a file holds, or null. */
export function pidIn(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * [OPS8] Claims an embedded store's folder for this server process: a folder another live server process owns is
 * refused (two servers on one folder would start two stores on one set of files); a folder whose owner died is
 * taken over. Returns the function that gives the folder back.
 */
export function claimFolder(dir: string, what: string): () => void {
  const file = join(dir, OWNER_FILE);
  const owner = pidIn(file);
  if (owner !== null && owner !== process.pid && isAlive(owner)) {
    throw new Error(`${dir} is in use: the server with process id ${owner} runs the ${what} there. Stop it first, or give this server another DATA_DIR.`);
  }
  writeFileSync(file, String(process.pid));
  return () => {
    if (pidIn(file) === process.pid) rmSync(file, { force: true });
  };
}

/** Waits until `pid` has exited, at most `timeoutMs`; true when it has. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isAlive(pid);
}
