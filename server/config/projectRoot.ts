import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's folder (the one with package.json), found by walking up from this module: the same answer whether the
 * server runs from its sources (`server/…`, under tsx) or from the built bundle (`dist/server/main.mjs`), where every
 * module's own folder is the bundle's. Files the server reads at run time (its Lua scripts, archive migrations, city
 * packs, the built console) are named from here.
 */
export const PROJECT_ROOT = findProjectRoot(import.meta.dirname);

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}: the server runs from inside the project's folder`);
  }
}
