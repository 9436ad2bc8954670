import type { Map as MapLibreMap } from 'maplibre-gl';
import { PRIORITY_LEVELS, type PriorityLevel } from '../../../shared/incidents/priority.ts';
import { INCIDENT_ICON_PREFIX, PRIORITY_COLORS } from './layers.ts';

/**
 * [MAP2] Incidents are drawn as diamonds, units as circles: priority and unit status are told apart by shape as
 * well as colour (an Echo incident and a unit on scene are both red). The diamonds are drawn here on a canvas when
 * the map first asks for them, so the map needs no sprite file.
 */
const SIZE = 30;
const PIXEL_RATIO = 2;

function parseName(name: string): { priority: PriorityLevel; isPending: boolean } | null {
  if (!name.startsWith(INCIDENT_ICON_PREFIX)) return null;
  const [priority, pending] = name.slice(INCIDENT_ICON_PREFIX.length).split('-');
  const level = PRIORITY_LEVELS.find((p) => p === priority);
  return level ? { priority: level, isPending: pending === 'pending' } : null;
}

/** A diamond of the priority's colour with a rim, as RGBA pixels at twice the CSS size (sharp on high-DPI screens). */
export function drawIncidentDiamond(priority: PriorityLevel, isPending: boolean): ImageData | null {
  const side = SIZE * PIXEL_RATIO;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const context = canvas.getContext('2d');
  if (!context) return null;
  const rim = (isPending ? 5 : 3) * PIXEL_RATIO;
  const half = side / 2 - rim / 2 - 1;
  context.beginPath();
  context.moveTo(side / 2, side / 2 - half);
  context.lineTo(side / 2 + half, side / 2);
  context.lineTo(side / 2, side / 2 + half);
  context.lineTo(side / 2 - half, side / 2);
  context.closePath();
  context.fillStyle = PRIORITY_COLORS[priority];
  context.fill();
  context.lineWidth = rim;
  context.lineJoin = 'round';
  context.strokeStyle = isPending ? '#ffffff' : '#10161d';
  context.stroke();
  return context.getImageData(0, 0, side, side);
}

/** Draws an incident icon whenever the map first needs one (MapLibre's resolver for missing images). */
export function provideIncidentIcons(map: MapLibreMap): void {
  map.setMissingStyleImageResolver((id) => {
    const wanted = parseName(id);
    if (!wanted || map.hasImage(id)) return;
    const image = drawIncidentDiamond(wanted.priority, wanted.isPending);
    if (image) map.addImage(id, image, { pixelRatio: PIXEL_RATIO });
  });
}
