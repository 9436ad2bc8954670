import type { z } from 'zod';
import { setReplayClock } from '../clock/setReplayClock.ts';
import { registerUnit, registeredUnitOf } from '../units/registerUnit.ts';
import { readFleet } from '../units/readFleet.ts';
import { readIntervalReport, readUtilisationReport } from '../reports/reportCommands.ts';
import type { AnswerOf, CommandName, Contract } from '../../shared/protocol/contract.ts';
import { ok } from '../../shared/protocol/result.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { searchAudit } from '../audit/searchAudit.ts';
import { currentSession, signIn, signOut } from '../auth/sessionCommands.ts';
import { createUserCommand, listUsersCommand, resetPasswordCommand, setDisabledCommand } from '../auth/userCommands.ts';
import { disposeCall, firstCall } from '../callers/disposeCall.ts';
import { readCallerHistory, readHoaxRegistry } from '../callers/readCallerHistory.ts';
import { assignUnits } from '../dispatch/assignUnits.ts';
import { recommendUnits } from '../dispatch/recommendUnits.ts';
import { divertAnswerOf, divertUnit } from '../dispatch/divertUnit.ts';
import { releaseAnswerOf, releaseUnit } from '../dispatch/releaseUnit.ts';
import { readCoverage } from '../coverage/readCoverage.ts';
import { cancelIncident, closeIncident } from '../incidents/closeIncident.ts';
import { reopenIncident } from '../incidents/reopenIncident.ts';
import { updateIncidentType } from '../incidents/updateIncidentType.ts';
import { createIncident, firstIncident } from '../incidents/createIncident.ts';
import { findDuplicates } from '../incidents/findDuplicates.ts';
import { getIncident } from '../incidents/getIncident.ts';
import { linkCaller } from '../incidents/linkCaller.ts';
import { addIncidentNote } from '../incidents/addIncidentNote.ts';
import { readIncidentEido } from '../eido/readIncidentEido.ts';
import { readJournalSince } from '../journal/readJournalSince.ts';
import { readSnapshotFor } from '../journal/readSnapshot.ts';
import { hospitalsForUnit, routeForUnit } from '../routing/routeForUnit.ts';
import { acknowledgeAssignment } from '../units/acknowledgeAssignment.ts';
import { crewUnitOf, signOffCrew, signOnCrew } from '../units/crewSignOn.ts';
import { recordPosition } from '../units/recordPosition.ts';
import { recordPositions } from '../units/recordPositions.ts';
import { setUnitStatus, statusAnswerOf } from '../units/setUnitStatus.ts';
import type { AuthorisedCaller, CommandCaller } from './commandCaller.ts';
import { refusal, type CommandOutcome } from './commandOutcome.ts';
import { createTicket } from '../tickets/createTicket.ts';
import { linkTicketCaller, recordTicketCallback, updateTicket } from '../tickets/changeTicket.ts';
import { escalateTicket, escalationOf } from '../tickets/escalateTicket.ts';
import { getTicket, readPublicTicket, ticketDuplicates, ticketQueue } from '../tickets/ticketReads.ts';
import { firstTicket } from '../tickets/readTicket.ts';
import { createOpen311Key, listOpen311Keys, revokeOpen311Key } from '../open311/open311Keys.ts';
import { ticketSummary } from '../tickets/ticketSummary.ts';
import { mayViewIncidents } from './authoriseRecord.ts';
import type { Session } from '../../shared/auth/roles.ts';
import type { DuplicateCandidate } from '../../shared/incidents/incidentSchema.ts';

/** How the server carries out one contract entry. */
export interface Handler<I, A> {
  /** `caller.session` is null only for public commands (sign-in). */
  run(ctx: CadContext, input: I, caller: AuthorisedCaller): Promise<CommandOutcome<A>>;
  /** For journaled commands: the answer rebuilt from the stored change, for a resend. */
  answerOf?: (delta: Delta) => A;
}

type Handlers = { [N in CommandName]: Handler<z.output<Contract[N]['input']>, AnswerOf<N>> };

/** The session of a command whose contract entry requires one (every entry but sign-in). */
function sessionOf(caller: CommandCaller): NonNullable<CommandCaller['session']> {
  if (!caller.session) throw new Error('a command that needs a session ran without one');
  return caller.session;
}

/** [AU7] A desk is offered only duplicates among its own incidents (it sees no other). */
function visibleDuplicates(outcome: CommandOutcome<DuplicateCandidate[]>, session: Session): CommandOutcome<DuplicateCandidate[]> {
  if (!outcome.result.ok) return outcome;
  return { ...outcome, result: ok(outcome.result.data.filter((candidate) => mayViewIncidents(session, [candidate.incident]))) };
}

/** [CM6] Every command's handler, one per contract entry. */
export const COMMAND_HANDLERS: Handlers = {
  'session:sign_in': { run: (ctx, input, caller) => signIn(ctx, input, caller) },
  'session:get': { run: (ctx, _input, caller) => currentSession(ctx, sessionOf(caller)) },
  'session:sign_out': { run: (ctx, _input, caller) => signOut(ctx, sessionOf(caller)) },
  'users:list': { run: (ctx) => listUsersCommand(ctx) },
  'users:create': { run: (ctx, input) => createUserCommand(ctx, input) },
  'users:reset_password': { run: (ctx, input) => resetPasswordCommand(ctx, input) },
  'users:set_disabled': { run: (ctx, input, caller) => setDisabledCommand(ctx, input, caller.actor) },
  'crew:sign_on': { run: (ctx, input, caller) => signOnCrew(ctx, input, sessionOf(caller), caller.actor), answerOf: crewUnitOf },
  'fleet:add_unit': { run: (ctx, input, caller) => registerUnit(ctx, input, caller.actor), answerOf: registeredUnitOf },
  'fleet:list': { run: async (ctx) => ({ result: ok(await readFleet(ctx)) }) },
  'crew:sign_off': { run: (ctx, input, caller) => signOffCrew(ctx, input, sessionOf(caller), caller.actor), answerOf: crewUnitOf },
  'state:read': { run: async (ctx, _input, caller) => ({ result: ok(await readSnapshotFor(ctx, sessionOf(caller))) }) },
  'sync:since': { run: (ctx, input, caller) => readJournalSince(ctx, input, sessionOf(caller)) },
  'incident:create': { run: (ctx, input, caller) => createIncident(ctx, input, caller.actor), answerOf: firstIncident },
  'incident:close': { run: (ctx, input, caller) => closeIncident(ctx, input, caller.actor), answerOf: firstIncident },
  'incident:cancel': { run: (ctx, input, caller) => cancelIncident(ctx, input, caller.actor), answerOf: firstIncident },
  'incident:reopen': { run: (ctx, input, caller) => reopenIncident(ctx, input, caller.actor), answerOf: firstIncident },
  'incident:update_type': { run: (ctx, input, caller) => updateIncidentType(ctx, input, caller.actor), answerOf: firstIncident },
  'incident:get': { run: (ctx, input) => getIncident(ctx, input) },
  'incident:eido': { run: (ctx, input) => readIncidentEido(ctx, input) },
  'incident:duplicates': { run: async (ctx, input, caller) => visibleDuplicates(await findDuplicates(ctx, input), sessionOf(caller)) },
  'incident:link_caller': { run: (ctx, input, caller) => linkCaller(ctx, input, caller.actor), answerOf: firstIncident },
  'incident:add_note': { run: (ctx, input, caller) => addIncidentNote(ctx, input, caller.actor, caller.session), answerOf: firstIncident },
  'call:dispose': { run: (ctx, input, caller) => disposeCall(ctx, input, caller.actor), answerOf: firstCall },
  'caller:history': { run: (ctx, input) => readCallerHistory(ctx, input) },
  'hoax:registry': { run: (ctx, input) => readHoaxRegistry(ctx, input) },
  'dispatch:recommend': { run: (ctx, input, caller) => recommendUnits(ctx, input, caller.actor) },
  'dispatch:assign': { run: (ctx, input, caller) => assignUnits(ctx, input, caller.actor), answerOf: (delta) => ({ incident: firstIncident(delta), units: delta.units }) },
  'dispatch:release': { run: (ctx, input, caller) => releaseUnit(ctx, input, caller.actor), answerOf: releaseAnswerOf },
  'dispatch:divert': { run: (ctx, input, caller) => divertUnit(ctx, input, caller.actor), answerOf: divertAnswerOf },
  'coverage:read': { run: (ctx) => readCoverage(ctx) },
  'unit:status': { run: (ctx, input, caller) => setUnitStatus(ctx, input, caller.actor), answerOf: statusAnswerOf },
  'unit:position': { run: (ctx, input) => recordPosition(ctx, input) },
  'units:positions': { run: (ctx, input) => recordPositions(ctx, input) },
  'unit:acknowledge': { run: (ctx, input, caller) => acknowledgeAssignment(ctx, input, caller.actor), answerOf: firstIncident },
  'route:unit': { run: (ctx, input) => routeForUnit(ctx, input) },
  'route:hospitals': { run: (ctx, input) => hospitalsForUnit(ctx, input) },
  'care:services': { run: (ctx) => Promise.resolve(ctx.city.care ? { result: ok(ctx.city.care.file) } : refusal('care_not_offered', `${ctx.city.data.name} runs no Care Connect line`)) },
  'ticket:create': { run: (ctx, input, caller) => createTicket(ctx, input, caller.actor), answerOf: firstTicket },
  'ticket:link_caller': { run: (ctx, input, caller) => linkTicketCaller(ctx, input, caller.actor), answerOf: firstTicket },
  'ticket:update': { run: (ctx, input, caller) => updateTicket(ctx, input, caller.actor), answerOf: firstTicket },
  'ticket:callback': { run: (ctx, input, caller) => recordTicketCallback(ctx, input, caller.actor), answerOf: firstTicket },
  'ticket:escalate': { run: (ctx, input, caller) => escalateTicket(ctx, input, caller.actor), answerOf: escalationOf },
  'ticket:get': { run: (ctx, input, caller) => getTicket(ctx, input, sessionOf(caller)) },
  'ticket:queue': { run: (ctx, input, caller) => ticketQueue(ctx, input, sessionOf(caller)) },
  'ticket:duplicates': { run: (ctx, input) => ticketDuplicates(ctx, input) },
  'ticket:public': { run: (ctx, input) => readPublicTicket(ctx, input) },
  'ticket:summary': { run: (ctx, input) => ticketSummary(ctx, input) },
  'open311:key_create': { run: (ctx, input, caller) => createOpen311Key(ctx, input, caller.actor) },
  'open311:key_list': { run: (ctx) => listOpen311Keys(ctx) },
  'open311:key_revoke': { run: (ctx, input, caller) => revokeOpen311Key(ctx, input, caller.actor) },
  'report:intervals': { run: (ctx, input) => readIntervalReport(ctx, input) },
  'report:utilisation': { run: (ctx, input) => readUtilisationReport(ctx, input) },
  'clock:set': { run: (ctx, input) => setReplayClock(ctx, input) },
  'audit:search': { run: async (ctx, input) => ({ result: ok(await searchAudit(ctx, input)) }) },
};
