import { z } from 'zod';
import { AgencySchema } from '../units/unitKinds.ts';
import { PriorityLevelSchema } from '../incidents/priority.ts';
import { RegionSchema } from '../incidents/incidentSchema.ts';
import { INTERVAL_FLAGS, INTERVAL_NAMES } from './intervalTargets.ts';

export const IntervalNameSchema = z.enum(INTERVAL_NAMES);
export type IntervalName = z.infer<typeof IntervalNameSchema>;

export const IntervalFlagSchema = z.enum(INTERVAL_FLAGS);
export type IntervalFlag = z.infer<typeof IntervalFlagSchema>;

/**
 * A report's time range: ISO 8601 date-times with their offset ("2026-11-01T00:00:00+02:00"), or epoch ms.
 * `from` is inclusive and `to` exclusive; a range is at most 400 days. [RP1]
 */
const InstantSchema = z.union([
  z.number().int().nonnegative().max(8.64e15),
  z.string().regex(/^\d{1,16}$/).transform(Number),
  z.iso.datetime({ offset: true, local: false }).transform((text) => Date.parse(text)),
]);

export const ReportRangeInputSchema = z
  .object({ from: InstantSchema, to: InstantSchema })
  .refine((range) => range.to > range.from, { message: '`to` must be after `from`', path: ['to'] })
  .refine((range) => range.to - range.from <= 400 * 86_400_000, { message: 'a report covers at most 400 days', path: ['to'] });
export type ReportRangeInput = z.infer<typeof ReportRangeInputSchema>;

/** The target an interval is measured against: `seconds` met in at least `fraction` of cases. [RP3] */
export const IntervalTargetSchema = z.object({
  seconds: z.number().int().positive(),
  fraction: z.number().min(0).max(1),
  /** The standard the target comes from, e.g. "NFPA 1710 §4.1.2.1". */
  source: z.string(),
  /** Which rows the compliance is computed over, in words ("first engine on scene of each fire incident"). */
  appliesTo: z.string(),
});
export type IntervalTarget = z.infer<typeof IntervalTargetSchema>;

/**
 * One interval's figures over one group: count, p50 and p90 by nearest rank (PostgreSQL's `percentile_disc`),
 * and compliance with its target where it has one. Seconds, whole. [RP2]
 */
export const IntervalFigureSchema = z.object({
  interval: IntervalNameSchema,
  count: z.number().int().nonnegative(),
  p50: z.number().int().nullable(),
  p90: z.number().int().nullable(),
  target: IntervalTargetSchema.nullable(),
  /** Rows the target applies to, how many met it, and the share (null when no row applies). */
  targetRows: z.number().int().nonnegative(),
  withinTarget: z.number().int().nonnegative(),
  compliance: z.number().min(0).max(1).nullable(),
});
export type IntervalFigure = z.infer<typeof IntervalFigureSchema>;

const groupOf = <K extends z.ZodType>(key: K) => z.object({ key, figures: z.array(IntervalFigureSchema) });

/** [RP4] A measurement left out of the figures, and why. */
export const FlaggedRowSchema = z.object({
  incidentId: z.string(),
  /** The unit whose stamps are flagged; null for an incident-level flag. */
  unitId: z.string().nullable(),
  flags: z.array(IntervalFlagSchema).min(1),
  receivedAt: z.number().int(),
});
export type FlaggedRow = z.infer<typeof FlaggedRowSchema>;

export const IntervalReportSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  /** The city's time zone, in which `byHour` groups. */
  timeZone: z.string(),
  generatedAt: z.number().int(),
  /** Journal entries not yet in the archive when the report was read: figures may be missing the newest changes. */
  archiveLagEntries: z.number().int().nonnegative(),
  incidents: z.number().int().nonnegative(),
  unitResponses: z.number().int().nonnegative(),
  overall: z.array(IntervalFigureSchema),
  byAgency: z.array(groupOf(AgencySchema)),
  byPriority: z.array(groupOf(PriorityLevelSchema)),
  byRegion: z.array(groupOf(RegionSchema)),
  /** Hour of day (0–23) the call was received, in the city's time zone. */
  byHour: z.array(groupOf(z.number().int().min(0).max(23))),
  flagged: z.object({
    /** Rows (incidents or unit responses) with at least one flag, all of them counted. */
    rows: z.number().int().nonnegative(),
    byFlag: z.record(IntervalFlagSchema, z.number().int().nonnegative()),
    /** The first flagged rows, oldest first (at most `FLAGGED_LIST_LIMIT`). */
    list: z.array(FlaggedRowSchema),
  }),
});
export type IntervalReport = z.infer<typeof IntervalReportSchema>;

/** [RP6] Unit utilisation over a range: the share of each unit's time committed to incidents. */
export const UtilisationRowSchema = z.object({
  unitId: z.string(),
  callSign: z.string(),
  kind: z.string(),
  agency: AgencySchema,
  responses: z.number().int().nonnegative(),
  committedSeconds: z.number().int().nonnegative(),
  utilisation: z.number().min(0).max(1),
});
export type UtilisationRow = z.infer<typeof UtilisationRowSchema>;

export const UtilisationReportSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  generatedAt: z.number().int(),
  byAgency: z.array(z.object({ agency: AgencySchema, units: z.number().int().nonnegative(), committedSeconds: z.number().int().nonnegative(), utilisation: z.number().min(0).max(1) })),
  /** Units with at least one response in the range, busiest first. */
  units: z.array(UtilisationRowSchema),
});
export type UtilisationReport = z.infer<typeof UtilisationReportSchema>;
