import type { CoordinateCorrection } from '../../../shared/geo/coordinateSlips.ts';

const sign = (axis: 'latitude' | 'longitude', value: number): string => (value < 0 ? `minus sign on the ${axis}` : `no minus sign on the ${axis}`);

/** What the correction changed, in the call-taker's words: "Latitude and longitude swapped". */
export function coordinateSlipWords({ slip, position: [lng, lat] }: CoordinateCorrection): string {
  switch (slip) {
    case 'latitude_sign':
      return `With a ${sign('latitude', lat)}`;
    case 'longitude_sign':
      return `With a ${sign('longitude', lng)}`;
    case 'both_signs':
      return 'Both signs changed';
    case 'swapped':
      return 'Latitude and longitude swapped';
    case 'swapped_latitude_sign':
      return `Swapped, with a ${sign('latitude', lat)}`;
    case 'swapped_longitude_sign':
      return `Swapped, with a ${sign('longitude', lng)}`;
    case 'swapped_both_signs':
      return 'Swapped, both signs changed';
  }
}
