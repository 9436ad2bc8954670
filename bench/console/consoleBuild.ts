import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const CONSOLE_DIST = join(ROOT, 'dispatch-console/dist');
const BUILT_PAGE = join(CONSOLE_DIST, 'index.html');
/** What the console build reads: its sources, and the shared code they import. */
const SOURCES = [join(ROOT, 'dispatch-console/src'), join(ROOT, 'dispatch-console/index.html'), join(ROOT, 'dispatch-console/vite.config.ts'), join(ROOT, 'shared')];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

/** Builds the console (`npm run build:console`) when its build is missing or older than a source; says whether it built. */
export function ensureConsoleBuilt(log: (line: string) => void): boolean {
  const builtAt = existsSync(BUILT_PAGE) ? statSync(BUILT_PAGE).mtimeMs : 0;
  const sourcesAt = Math.max(...SOURCES.filter((path) => existsSync(path)).map(newestChange));
  if (builtAt >= sourcesAt) return false;
  log(builtAt === 0 ? '  building the console (no build yet)…' : '  building the console (a source is newer than the build)…');
  execFileSync('npm', ['run', 'build:console'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return true;
}
