import type { Feature, Point } from 'geojson';
import type { GeoJSONSourceDiff } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { changedUnitsDiff, unitsSourceDiff, unitsToFeatures } from '../../dispatch-console/src/map/features.ts';
import { applyFixes, applySnapshot, unitIdsOf, unitsMovedFrom } from '../../dispatch-console/src/realtime/liveState.ts';
import type { Unit, UnitFix } from '../../shared/units/unitSchema.ts';
import { seededRandom } from '../support/seededRandom.ts';
import { makeUnit } from './fixtures.ts';

type Features = Map<string | number, Feature<Point>>;

/** MapLibre's `updateData` semantics (geojson_source_diff.ts `applySourceDiff`) for the parts a units diff uses. */
function applyDiff(features: Features, diff: GeoJSONSourceDiff): void {
  for (const feature of diff.add ?? []) if (feature.id !== undefined) features.set(feature.id, feature as Feature<Point>);
  for (const update of diff.update ?? []) {
    const existing = features.get(update.id);
    if (!existing) continue;
    const feature = { ...existing, properties: { ...existing.properties } };
    if (update.newGeometry) feature.geometry = update.newGeometry as Point;
    for (const property of update.addOrUpdateProperties ?? []) {
      const value: unknown = property.value;
      feature.properties[property.key] = value;
    }
    features.set(update.id, feature);
  }
}

const featuresOf = (units: Readonly<Record<string, Unit>>): Features => new Map(unitsToFeatures(Object.values(units)).features.map((feature) => [feature.id ?? '', feature]));
const fleet = (count: number, random: () => number): Unit[] => Array.from({ length: count }, (_, i) => makeUnit(`u-${String(i).padStart(5, '0')}`, { position: [28 + random(), -26 + random()], fixAt: 1 }));

describe('[RT4] the map is fed only what changed, and always holds what a full rebuild would', () => {
  it('[RT4] over fifty rounds of moves, status and call-sign changes and new units, the diff applied equals a rebuild, in order', () => {
    const random = seededRandom(7);
    let before: Record<string, Unit> = Object.fromEntries(fleet(500, random).map((unit) => [unit.id, unit]));
    const features = featuresOf(before);
    for (let round = 0; round < 50; round += 1) {
      const after: Record<string, Unit> = { ...before };
      const ids = Object.keys(after);
      for (let k = 0; k < 80; k += 1) {
        const id = ids[Math.floor(random() * ids.length)] ?? '';
        const unit = after[id];
        if (!unit) continue;
        const r = random();
        after[id] = r < 0.6 ? { ...unit, position: [unit.position[0] + 0.001, unit.position[1]], fixAt: unit.fixAt + 1 } : r < 0.8 ? { ...unit, status: 'en_route', incidentId: 'inc-1' } : r < 0.9 ? { ...unit, fixAt: unit.fixAt + 5 } : { ...unit, callSign: `${unit.callSign}X` };
      }
      if (round % 10 === 3) after[`new-${round}`] = makeUnit(`new-${round}`);
      const diff = unitsSourceDiff(before, after);
      expect(diff).not.toBeNull();
      applyDiff(features, diff ?? {});
      expect([...features.values()]).toEqual(unitsToFeatures(Object.values(after)).features);
      before = after;
    }
  });

  it('[RT4] a unit removed or the order changed (a new snapshot) is no diff: the map is fed whole; nothing changed is an empty diff', () => {
    const units: Record<string, Unit> = Object.fromEntries(fleet(20, seededRandom(3)).map((unit) => [unit.id, unit]));
    const reordered: Record<string, Unit> = Object.fromEntries(Object.entries(units).reverse());
    const removed: Record<string, Unit> = { ...units };
    delete removed['u-00005'];
    expect(unitsSourceDiff(units, reordered)).toBeNull();
    expect(unitsSourceDiff(units, removed)).toBeNull();
    expect(unitsSourceDiff(units, units)).toEqual({ add: [], update: [] });
  });

  it('[RT4] position frames (some fixes older than the stored ones) fed by the units they moved give the rebuild, forty frames running', () => {
    const random = seededRandom(9);
    const list = fleet(2_000, random);
    let state = applySnapshot({ version: 1, at: 1, incidents: [], units: list, settings: { ackDeadlineSeconds: 60, stalePositionSeconds: 600 } });
    let fed = state.units;
    const features = featuresOf(fed);
    for (let round = 0; round < 40; round += 1) {
      const fixes: UnitFix[] = Array.from({ length: 300 }, (_, k) => ({ unitId: list[Math.floor(random() * list.length)]?.id ?? list[0]?.id ?? makeUnit('x').id, position: [28 + random(), -26 + random()], fixAt: 2 + round + (k % 3 === 0 ? -5 : 0) }));
      const next = applyFixes(state, fixes);
      const moved = unitsMovedFrom(next.units, fed);
      expect(moved).not.toBeNull();
      const diff = moved ? changedUnitsDiff(fed, next.units, moved) : unitsSourceDiff(fed, next.units, { before: unitIdsOf(fed), after: unitIdsOf(next.units) });
      applyDiff(features, diff ?? {});
      expect([...features.values()]).toEqual(unitsToFeatures(Object.values(next.units)).features);
      expect(unitIdsOf(next.units)).toEqual(Object.keys(next.units));
      state = next;
      fed = next.units;
    }
  });
});
