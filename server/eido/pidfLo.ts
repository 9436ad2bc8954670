import type { LngLat } from '../../shared/geo/position.ts';

/**
 * [EI2] A civic address in RFC 5139's elements, as the project knows a place: the city (A3), the metro's region as the
 * city division (A4), the ward as the neighbourhood (A5), a facility's street address (as one `LOC`, since the
 * project keeps it as one line) and the call-taker's location notes (LOC).
 */
export interface CivicPlace {
  city: string;
  region?: string | undefined;
  ward?: string | undefined;
  /** Free-text location information: a street address, "opposite the taxi rank". */
  notes?: string | undefined;
}

/** Text for XML character data and attribute values; characters XML 1.0 cannot carry become U+FFFD. */
function xmlText(text: string): string {
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Degrees to 6 decimals (about 0.1 m), the precision a fix carries. */
const degrees = (value: number): string => value.toFixed(6);

function civicAddress(place: CivicPlace): string {
  const elements: [string, string | undefined][] = [
    ['A3', place.city],
    ['A4', place.region],
    ['A5', place.ward],
    ['LOC', place.notes],
  ];
  return elements
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1].trim() !== '')
    .map(([element, value]) => `<ca:${element}>${xmlText(value.trim())}</ca:${element}>`)
    .join('');
}

/**
 * [EI2] A PIDF-LO document (RFC 4119 with RFC 5491's profile) for `entity`: the geodetic point in WGS 84
 * (`gml:pos` is latitude then longitude) and, when a civic place is given, the civic address in a second device
 * element: RFC 5491 keeps a geodetic and a civic location in separate location-info elements. `method` is how the
 * place was found (a call-taker's entry is `Manual`, a vehicle's fix `GPS`).
 */
export function pidfLo(options: { entity: string; position: LngLat; at: string; method: 'Manual' | 'GPS'; civic?: CivicPlace }): string {
  const { entity, position, at, method, civic } = options;
  const [lng, lat] = position;
  const device = (id: string, location: string): string =>
    `<dm:device id="${id}"><gp:geopriv><gp:location-info>${location}</gp:location-info><gp:usage-rules/><gp:method>${method}</gp:method></gp:geopriv><dm:timestamp>${at}</dm:timestamp></dm:device>`;
  const point = `<gml:Point srsName="urn:ogc:def:crs:EPSG::4326"><gml:pos>${degrees(lat)} ${degrees(lng)}</gml:pos></gml:Point>`;
  const civicElements = civic ? civicAddress(civic) : '';
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:gp="urn:ietf:params:xml:ns:pidf:geopriv10" xmlns:gml="http://www.opengis.net/gml" xmlns:ca="urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model" entity="${xmlText(entity)}">`,
    device('point', point),
    civicElements ? device('civic', `<ca:civicAddress>${civicElements}</ca:civicAddress>`) : '',
    '</presence>',
  ].join('');
}
