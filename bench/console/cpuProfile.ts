import type { CDPSession } from 'playwright-core';

/** One function's share of a CPU profile. */
export interface ProfileHotspot {
  /** `name (file:line)`; minified names are as the build left them. */
  where: string;
  selfMs: number;
  /** Share of the profile's sampled time, 0–1. */
  share: number;
}

/** A CPU profile of the page's main thread, summarised. */
export interface ProfileSummary {
  seconds: number;
  /** Sampled time not idle (the main thread busy), ms. */
  busyMs: number;
  /** The functions with most self time. */
  hotspots: ProfileHotspot[];
}

/** Starts the V8 sampling profiler in the page (Chrome DevTools Protocol `Profiler`). */
export async function startCpuProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

/** Stops the profiler; self time by function, the `top` largest. */
export async function stopCpuProfile(cdp: CDPSession, top: number): Promise<ProfileSummary> {
  const { profile } = await cdp.send('Profiler.stop');
  const byNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (const [i, nodeId] of samples.entries()) byNode.set(nodeId, (byNode.get(nodeId) ?? 0) + (deltas[i] ?? 0) / 1000);
  const byFunction = new Map<string, number>();
  let totalMs = 0;
  let idleMs = 0;
  for (const node of profile.nodes) {
    const ms = byNode.get(node.id) ?? 0;
    totalMs += ms;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const name = functionName || '(anonymous)';
    if (name === '(idle)') idleMs += ms;
    const file = url.split('/').pop() ?? url;
    const where = file ? `${name} (${file}:${lineNumber + 1}:${columnNumber + 1})` : name;
    byFunction.set(where, (byFunction.get(where) ?? 0) + ms);
  }
  const hotspots = [...byFunction.entries()]
    .filter(([where]) => !where.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([where, selfMs]) => ({ where, selfMs, share: totalMs > 0 ? selfMs / totalMs : 0 }));
  return { seconds: (profile.endTime - profile.startTime) / 1e6, busyMs: totalMs - idleMs, hotspots };
}
