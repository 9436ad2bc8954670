import { z } from 'zod';
import { CommandIdSchema } from '../protocol/command.ts';
import { LngLatSchema } from '../geo/position.ts';
import { UnitKindSchema } from '../units/unitKinds.ts';
import { UnitIdSchema } from '../units/unitSchema.ts';
import { UnitStatusSchema } from '../units/unitStatus.ts';
import { PriorityLevelSchema } from '../incidents/priority.ts';
import { CoverageCostSchema } from '../coverage/coverageCost.ts';

export const RecommendInputSchema = z.object({
  incidentId: z.string().min(1).max(40),
});
export type RecommendInput = z.infer<typeof RecommendInputSchema>;

/** How candidates were ranked: straight-line estimate until a road network is loaded. */
export const RankingMethodSchema = z.enum(['straight_line', 'road_network']);
export type RankingMethod = z.infer<typeof RankingMethodSchema>;

export const CandidateSchema = z.object({
  unitId: UnitIdSchema,
  callSign: z.string(),
  kind: UnitKindSchema,
  position: LngLatSchema,
  distanceMeters: z.number().nonnegative(),
  etaSeconds: z.number().nonnegative(),
  positionAgeSeconds: z.number().nonnegative(),
  /** Why this unit is proposed, in words a dispatcher reads at a glance. */
  reason: z.string(),
  /** [CV4] For an ambulance or engine: the wards that would fall outside target without it (absent in older answers). */
  coverageCost: CoverageCostSchema.optional(),
});
export type Candidate = z.infer<typeof CandidateSchema>;

/** [DV3] A committed unit much nearer than any free one, with the job it would leave. */
export const DivertCandidateSchema = CandidateSchema.extend({
  fromIncidentId: z.string(),
  fromReference: z.string(),
  fromPriority: PriorityLevelSchema,
  /** The incident type of the job it would leave, as the catalogue names it. */
  fromType: z.string(),
  /** How much sooner than the best free unit it would arrive (null when no free unit of the kind can go). */
  savingSeconds: z.number().nonnegative().nullable(),
});
export type DivertCandidate = z.infer<typeof DivertCandidateSchema>;

export const PASS_OVER_REASONS = ['busy', 'stale_position', 'wrong_kind', 'out_of_service', 'no_route', 'not_acknowledging'] as const;
export const PassedOverSchema = z.object({
  unitId: UnitIdSchema,
  callSign: z.string(),
  kind: UnitKindSchema,
  status: UnitStatusSchema,
  distanceMeters: z.number().nonnegative(),
  reason: z.enum(PASS_OVER_REASONS),
  detail: z.string(),
});
export type PassedOver = z.infer<typeof PassedOverSchema>;

/** For one unit kind of the response plan: how many are still needed and who could go. */
export const KindRecommendationSchema = z.object({
  kind: UnitKindSchema,
  needed: z.number().int().nonnegative(),
  committed: z.number().int().nonnegative(),
  candidates: z.array(CandidateSchema),
  passedOver: z.array(PassedOverSchema),
  /** [DV3] Units committed to less urgent incidents that would arrive much sooner than any free one. */
  divertCandidates: z.array(DivertCandidateSchema).default([]),
});
export type KindRecommendation = z.infer<typeof KindRecommendationSchema>;

export const RecommendationSchema = z.object({
  incidentId: z.string(),
  computedAt: z.number().int(),
  ranking: RankingMethodSchema,
  byKind: z.array(KindRecommendationSchema),
  /** [DS5] The route of the top candidate of each kind, for the dispatcher's map ([lng, lat] points). */
  routes: z.array(z.object({ unitId: UnitIdSchema, geometry: z.array(LngLatSchema) })).default([]),
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const MAX_UNITS_PER_ASSIGN = 12;

/** [DS2] Assign one or more units to an incident: all are committed or none. */
export const AssignInputSchema = z.object({
  commandId: CommandIdSchema,
  incidentId: z.string().min(1).max(40),
  unitIds: z
    .array(UnitIdSchema)
    .min(1, 'unitIds: at least one unit')
    .max(MAX_UNITS_PER_ASSIGN)
    .refine((ids) => new Set(ids).size === ids.length, 'unitIds: a unit is listed twice'),
});
export type AssignInput = z.infer<typeof AssignInputSchema>;
