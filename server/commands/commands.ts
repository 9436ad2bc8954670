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
import { defineCommand, type Command } from './defineCommand.ts';
import { UnitAcknowledgeInputSchema } from '../../shared/units/unitCommands.ts';
import { RouteHospitalsInputSchema, RouteUnitInputSchema } from '../../shared/routing/routeSchema.ts';
import { acknowledgeAssignment } from '../units/acknowledgeAssignment.ts';
import { hospitalsForUnit, routeForUnit } from '../routing/routeForUnit.ts';
import type { CommandName } from '../../shared/protocol/commands.ts';
import { CallDisposeInputSchema, CallerHistoryInputSchema, HoaxRegistryInputSchema } from '../../shared/callers/callerSchema.ts';
import { DuplicatesInputSchema, IncidentGetInputSchema, LinkCallerInputSchema } from '../../shared/incidents/incidentSchema.ts';
import { disposeCall, firstCall } from '../callers/disposeCall.ts';
import { readCallerHistory, readHoaxRegistry } from '../callers/readCallerHistory.ts';
import { findDuplicates } from '../incidents/findDuplicates.ts';
import { getIncident } from '../incidents/getIncident.ts';
import { linkCaller } from '../incidents/linkCaller.ts';

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
    run: recommendUnits,
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
    run: readJournalSince,
  }),
  'incident:get': defineCommand({
    name: 'incident:get',
    input: IncidentGetInputSchema,
    run: (ctx, input) => getIncident(ctx, input),
  }),
  'incident:duplicates': defineCommand({
    name: 'incident:duplicates',
    input: DuplicatesInputSchema,
    run: (ctx, input) => findDuplicates(ctx, input),
  }),
  'incident:link_caller': defineCommand({
    name: 'incident:link_caller',
    input: LinkCallerInputSchema,
    replay: { commandId: byCommandId, answerOf: firstIncident },
    run: linkCaller,
  }),
  'call:dispose': defineCommand({
    name: 'call:dispose',
    input: CallDisposeInputSchema,
    replay: { commandId: byCommandId, answerOf: firstCall },
    run: disposeCall,
  }),
  'caller:history': defineCommand({
    name: 'caller:history',
    input: CallerHistoryInputSchema,
    run: (ctx, input) => readCallerHistory(ctx, input),
  }),
  'hoax:registry': defineCommand({
    name: 'hoax:registry',
    input: HoaxRegistryInputSchema,
    run: (ctx, input) => readHoaxRegistry(ctx, input),
  }),
  'unit:acknowledge': defineCommand({
    name: 'unit:acknowledge',
    input: UnitAcknowledgeInputSchema,
    unitOf: (input) => input.unitId,
    replay: { commandId: byCommandId, answerOf: firstIncident },
    run: acknowledgeAssignment,
  }),
  'route:unit': defineCommand({
    name: 'route:unit',
    input: RouteUnitInputSchema,
    unitOf: (input) => input.unitId,
    run: (ctx, input) => routeForUnit(ctx, input),
  }),
  'route:hospitals': defineCommand({
    name: 'route:hospitals',
    input: RouteHospitalsInputSchema,
    unitOf: (input) => input.unitId,
    run: (ctx, input) => hospitalsForUnit(ctx, input),
  }),
} as const satisfies Record<CommandName, Command<unknown>>;
