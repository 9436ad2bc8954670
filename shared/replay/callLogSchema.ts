import { z } from 'zod';

/**
 * [RL3] The call-log CSV the replay reads: one row per unit response (a call with no unit has one row with the unit
 * columns empty). Times are ISO 8601 with their offset, empty when absent. `type` and `unit_kind` are the
 * product's ids, or mapped through `--type-map` / `--kind-map` files.
 */
export const CALL_LOG_COLUMNS = [
  'call_id', 'received_at', 'type', 'lat', 'lng', 'unit_id', 'unit_kind',
  'dispatched_at', 'en_route_at', 'on_scene_at', 'transporting_at', 'at_hospital_at', 'available_at',
] as const;
export type CallLogColumn = (typeof CALL_LOG_COLUMNS)[number];

/** The unit stamps of a row, in the order a response runs. */
export const UNIT_STAMP_COLUMNS = ['dispatched_at', 'en_route_at', 'on_scene_at', 'transporting_at', 'at_hospital_at', 'available_at'] as const;

const Stamp = z.union([z.literal('').transform(() => null), z.iso.datetime({ offset: true }).transform((text) => Date.parse(text))]);

/** One row as read, before the type and kind maps: cells are text. */
export const CallLogRowSchema = z.object({
  call_id: z.string().trim().min(1, 'call_id is empty').max(80),
  received_at: z.iso.datetime({ offset: true, message: 'received_at must be ISO 8601 with its offset' }).transform((text) => Date.parse(text)),
  type: z.string().trim().min(1, 'type is empty').max(120),
  lat: z.coerce.number().min(-90).max(90),
  lng: z.coerce.number().min(-180).max(180),
  unit_id: z.string().trim().max(80),
  unit_kind: z.string().trim().max(80),
  dispatched_at: Stamp,
  en_route_at: Stamp,
  on_scene_at: Stamp,
  transporting_at: Stamp,
  at_hospital_at: Stamp,
  available_at: Stamp,
});
export type CallLogRow = z.infer<typeof CallLogRowSchema>;

/** A `--type-map` or `--kind-map` file: the log's value → the product's id. */
export const ValueMapSchema = z.record(z.string().min(1), z.string().min(1));
