import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** The parts of a V8 `.cpuprofile` (written by `node --cpu-prof`) this summary reads. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileShare {
  /** A package (`socket.io`, `ioredis`…), a file of the repository, or a V8 pseudo-frame (`(garbage collector)`). */
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time. */
  share: number;
}

export interface ProfileSummary {
  file: string;
  /** Sampled wall time, and the part of it the process was busy (not `(idle)`). */
  totalMs: number;
  busyMs: number;
  /** Self time by package or repository file, largest first. */
  bySource: ProfileShare[];
  /** Inclusive time of the repository's own functions (`file:function`), largest first. */
  byServerFunction: ProfileShare[];
}

/** Where a frame's code lives: a package name, a repository file, `node:…` internals, or a V8 pseudo-frame. */
function sourceOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (inModules?.[1]) return inModules[1];
  if (url.startsWith('node:')) return 'node internals';
  if (url.startsWith('file://')) return relative(ROOT, url.slice('file://'.length));
  return url;
}

function ranked(map: Map<string, number>, busyMs: number, top: number): ProfileShare[] {
  return [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: busyMs > 0 ? ms / busyMs : 0 }));
}

/**
 * Summarises the largest `.cpuprofile` in `dir`: the main thread's (under `--import tsx` the module loader's own
 * thread writes a small profile beside it).
 */
/**
 * A fresh folder for the server's CPU profile when `isOn` (a benchmark's `…_PROFILE=1`), else undefined. A profile
 * costs the server CPU of its own, so it is only taken when asked for.
 */
export function cpuProfileDirIf(isOn: boolean, bench: string): string | undefined {
  return isOn ? mkdtempSync(join(tmpdir(), `cad-${bench}-prof-`)) : undefined;
}

export function summarizeCpuProfile(dir: string, top = 15): ProfileSummary {
  const largest = readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => ({ name, size: statSync(join(dir, name)).size }))
    .sort((a, b) => b.size - a.size)[0];
  if (!largest) throw new Error(`no .cpuprofile in ${dir}`);
  const file = join(dir, largest.name);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    selfMs.set(id, (selfMs.get(id) ?? 0) + ms);
  });
  const bySource = new Map<string, number>();
  let idleMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    if (frame.functionName === '(idle)') {
      idleMs += ms;
      continue;
    }
    const source = sourceOf(frame.url, frame.functionName);
    bySource.set(source, (bySource.get(source) ?? 0) + ms);
  }
  // Inclusive time per repository function: each node's subtree, counted once per function on a path.
  const byFunction = new Map<string, number>();
  const visit = (id: number, onPath: Set<string>): number => {
    const node = byId.get(id);
    if (!node) return 0;
    let inclusive = selfMs.get(id) ?? 0;
    const { url, functionName } = node.callFrame;
    const isOurs = url.startsWith('file://') && !url.includes('node_modules');
    const key = isOurs ? `${relative(ROOT, url.slice('file://'.length))}:${functionName || '(anonymous)'}` : null;
    const isFirst = key !== null && !onPath.has(key);
    if (isFirst) onPath.add(key);
    for (const child of node.children ?? []) inclusive += visit(child, onPath);
    if (isFirst) {
      onPath.delete(key);
      byFunction.set(key, (byFunction.get(key) ?? 0) + inclusive);
    }
    return inclusive;
  };
  const root = profile.nodes[0];
  if (root) visit(root.id, new Set());
  const busyMs = totalMs - idleMs;
  return { file, totalMs, busyMs, bySource: ranked(bySource, busyMs, top), byServerFunction: ranked(byFunction, busyMs, top) };
}
