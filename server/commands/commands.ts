import { AssignInputSchema, RecommendInputSchema } from '../../shared/dispatch/dispatchSchema.ts';
import { IncidentCloseInputSchema, IncidentCreateInputSchema } from '../../shared/incidents/incidentSchema.ts';
import { SyncSinceInputSchema } from '../../shared/protocol/stateSchema.ts';
import { UnitPositionInputSchema, UnitStatusInputSchema } from '../../shared/units/unitCommands.ts';
import { assignUnits } from '../dispatch/assignUnits.ts';
import { recommendUnits } from '../dispatch/recommendUnits.ts';
import { closeIncident } from '../incidents/closeIncident.ts';
import { createIncident, firstIncident } from '../incidents/createIncident.ts';
import { readJournalSince } from '../journal/readJournalSince.ts';
import { recordPosition } from '../units/recordPosition.ts';
import { setUnitStatus, statusAnswerOf } from '../units/setUnitStatus.ts';
import { defineCommand } from './defineCommand.ts';

const byCommandId = (input: { commandId: string }): string => input.commandId;

/** Every command of the system, each defined once and served by both transports. */
export const COMMAND_HANDLERS = {
  'incident:create': defineCommand({
    name: 'incident:create',
    input: IncidentCreateInputSchema,
    replay: { commandId: byCommandId, answerOf: firstIncident },
    run: createIncident,
  }),
  'incident:close': defineCommand({
    name: 'incident:close',
    input: IncidentCloseInputSchema,
    replay: { commandId: byCommandId, answerOf: firstIncident },
    run: closeIncident,
  }),
  'dispatch:recommend': defineCommand({
    name: 'dispatch:recommend',
    input: RecommendInputSchema,
    run: (ctx, input) => recommendUnits(ctx, input),
  }),
  'dispatch:assign': defineCommand({
    name: 'dispatch:assign',
    input: AssignInputSchema,
    replay: { commandId: byCommandId, answerOf: (delta) => ({ incident: firstIncident(delta), units: delta.units }) },
    run: assignUnits,
  }),
  'unit:status': defineCommand({
    name: 'unit:status',
    input: UnitStatusInputSchema,
    unitOf: (input) => input.unitId,
    replay: { commandId: byCommandId, answerOf: statusAnswerOf },
    run: setUnitStatus,
  }),
  'unit:position': defineCommand({
    name: 'unit:position',
    input: UnitPositionInputSchema,
    unitOf: (input) => input.unitId,
    run: (ctx, input) => recordPosition(ctx, input),
  }),
  'sync:since': defineCommand({
    name: 'sync:since',
    input: SyncSinceInputSchema,
    run: (ctx, input) => readJournalSince(ctx, input),
  }),
} as const;
