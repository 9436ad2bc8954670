import { describe, expect, it } from 'vitest';
import { onewayOf } from '../../server/routing/osm/onewayOf.ts';
import { parseMaxspeed } from '../../server/routing/osm/parseMaxspeed.ts';
import { roadRuleOf } from '../../server/routing/osm/roadRuleOf.ts';
import { MAX_EMERGENCY_KMH, ROAD_CLASS_SPEEDS } from '../../server/routing/osm/roadSpeeds.ts';

describe('road profile', () => {
  it('[RO1] parses maxspeed in km/h, mph and implicit country values', () => {
    expect(parseMaxspeed('50')).toBe(50);
    expect(parseMaxspeed('50 km/h')).toBe(50);
    expect(parseMaxspeed('30 mph')).toBeCloseTo(48.28, 2);
    expect(parseMaxspeed('ZA:urban')).toBe(60);
    expect(parseMaxspeed('FR:rural')).toBe(80);
    expect(parseMaxspeed('IT:urban')).toBe(50);
    expect(parseMaxspeed('DE:zone30')).toBe(30);
    expect(parseMaxspeed('50;30')).toBe(30);
    expect(parseMaxspeed('none')).toBeNull();
    expect(parseMaxspeed('signals')).toBeNull();
    expect(parseMaxspeed(undefined)).toBeNull();
  });

  it('[RO1] keeps drivable classes only, with the emergency factor and cap of the one table', () => {
    expect(roadRuleOf({ highway: 'footway' })).toBeNull();
    expect(roadRuleOf({ highway: 'track' })).toBeNull();
    expect(roadRuleOf({ highway: 'residential', access: 'no' })).toBeNull();
    expect(roadRuleOf({ highway: 'residential', access: 'no', emergency: 'yes' })).not.toBeNull();
    expect(roadRuleOf({ highway: 'residential' })).toEqual({ forwardKmh: 36, backwardKmh: 36 });
    expect(roadRuleOf({ highway: 'primary', maxspeed: '90' })).toEqual({ forwardKmh: 100, backwardKmh: 100 });
    expect(roadRuleOf({ highway: 'tertiary', maxspeed: '50' })?.forwardKmh).toBeCloseTo(60, 9);
    expect(MAX_EMERGENCY_KMH).toBe(ROAD_CLASS_SPEEDS.motorway?.emergencyCapKmh);
  });

  it('[RO2] applies one-way rules', () => {
    expect(onewayOf({ highway: 'residential' })).toEqual({ forward: true, backward: true });
    for (const value of ['yes', 'true', '1']) expect(onewayOf({ highway: 'residential', oneway: value })).toEqual({ forward: true, backward: false });
    expect(onewayOf({ highway: 'residential', oneway: '-1' })).toEqual({ forward: false, backward: true });
    expect(onewayOf({ highway: 'residential', junction: 'roundabout' })).toEqual({ forward: true, backward: false });
    expect(onewayOf({ highway: 'motorway' })).toEqual({ forward: true, backward: false });
    expect(onewayOf({ highway: 'motorway', oneway: 'no' })).toEqual({ forward: true, backward: true });
    expect(onewayOf({ highway: 'residential', oneway: 'reversible' })).toBeNull();
    expect(roadRuleOf({ highway: 'residential', oneway: '-1' })).toEqual({ forwardKmh: 0, backwardKmh: 36 });
  });
});
