import type { CircleLayerSpecification, SymbolLayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { Ticket } from '../../../shared/tickets/ticketSchema.ts';
import { LABEL_FONT, matchBy } from '../map/layers.ts';
import { TICKET_GROUPS, ticketGroupOf, type TicketGroup } from './ticketQueueOrder.ts';

/** The tickets' source on a Care Connect map (the city's other sources come from the city style). */
export const TICKET_SOURCE = 'ec-tickets';

/** [CS6] A ticket's mark says how it stands: red overdue, amber a callback overdue, blue on time, grey closed. */
export const TICKET_GROUP_COLORS: Record<TicketGroup, string> = {
  overdue: '#ff4d4d',
  callback_overdue: '#ffb020',
  open: '#4da3ff',
  closed: '#6b7280',
};

export interface TicketProperties {
  id: string;
  reference: string;
  group: TicketGroup;
  selected: boolean;
  /** Draw order: what needs doing first on top, and first to keep its label. */
  rank: number;
}

/** Tickets with a place, as map points. Pure. */
export function ticketsToFeatures(tickets: Iterable<Ticket>, selectedId: string | null, now: number): FeatureCollection<Point, TicketProperties> {
  const features: Feature<Point, TicketProperties>[] = [];
  for (const ticket of tickets) {
    if (!ticket.location) continue;
    const group = ticketGroupOf(ticket, now);
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [ticket.location[0], ticket.location[1]] },
      properties: { id: ticket.id, reference: ticket.reference, group, selected: ticket.id === selectedId, rank: TICKET_GROUPS.indexOf(group) },
    });
  }
  return { type: 'FeatureCollection', features };
}

export const TICKET_MARK_LAYER: CircleLayerSpecification = {
  id: 'ec-ticket-mark',
  type: 'circle',
  source: TICKET_SOURCE,
  layout: { 'circle-sort-key': ['-', 10, ['get', 'rank']] },
  paint: {
    'circle-color': matchBy('group', TICKET_GROUP_COLORS, '#4da3ff'),
    'circle-radius': ['case', ['get', 'selected'], 10, 7],
    'circle-stroke-color': ['case', ['get', 'selected'], '#ffe14d', '#0a1016'],
    'circle-stroke-width': ['case', ['get', 'selected'], 3, 2],
  },
};

/** References never print over each other: a colliding label is left out, the most pressing ticket keeps its own. */
export const TICKET_LABEL_LAYER: SymbolLayerSpecification = {
  id: 'ec-ticket-label',
  type: 'symbol',
  source: TICKET_SOURCE,
  layout: {
    'text-field': ['get', 'reference'],
    'text-font': LABEL_FONT,
    'text-size': 11,
    'text-offset': [0, 1.2],
    'text-anchor': 'top',
    'text-allow-overlap': false,
    'text-optional': true,
    'symbol-sort-key': ['get', 'rank'],
  },
  paint: { 'text-color': '#ffffff', 'text-halo-color': '#000000', 'text-halo-width': 2 },
};
