import type { CDPSession, Page } from 'playwright-core';
import type { GeoJSONSource } from 'maplibre-gl';

/** How many units the map's unit source holds, read from the map. */
export function unitsOnMap(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const source = window.ecMap?.getSource<GeoJSONSource>('ec-units');
    if (!source) return 0;
    const data = await source.getData();
    return data.type === 'FeatureCollection' ? data.features.length : 0;
  });
}

/** The page's JavaScript heap (Chrome DevTools Protocol `Runtime.getHeapUsage`), MiB. */
export async function pageHeapMiB(cdp: CDPSession): Promise<{ usedMiB: number; totalMiB: number }> {
  const heap = await cdp.send('Runtime.getHeapUsage');
  const mib = (bytes: number): number => Math.round((bytes / 1_048_576) * 10) / 10;
  return { usedMiB: mib(heap.usedSize), totalMiB: mib(heap.totalSize) };
}
