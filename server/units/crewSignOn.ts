import { randomUUID } from 'node:crypto';
import type { Actor, Session } from '../../shared/auth/roles.ts';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import type { CrewSignOffInput, CrewSignOnInput } from '../../shared/units/crewSchema.ts';
import type { Unit } from '../../shared/units/unitSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { outcomeOf, refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { parseScriptAnswer } from '../redis/scriptAnswer.ts';
import { SCRIPTS } from '../redis/scripts.ts';

/** The vehicle a crew fact is about: the last unit it touched. */
export function crewUnitOf(delta: Delta): Unit {
  const unit = delta.units.at(-1);
  if (!unit) throw new Error('a crew fact without its unit');
  return unit;
}

/** The crew member a sign-on or sign-off is about. */
type CrewMemberRef = Pick<Session, 'userId' | 'displayName' | 'unitId'>;

async function run(ctx: CadContext, member: CrewMemberRef, actor: Actor, commandId: string, unitId: string, mode: 'on' | 'off'): Promise<CommandOutcome<Unit>> {
  const { keys } = ctx;
  const scriptKeys = [keys.command(commandId), keys.unit(unitId), keys.journal, keys.version, keys.user(member.userId)];
  if (mode === 'on' && member.unitId && member.unitId !== unitId) scriptKeys.push(keys.unit(member.unitId));
  const reply = await SCRIPTS.setUnitCrew.run(ctx.redis, scriptKeys, [`crew:sign_${mode}`, unitId, member.userId, member.displayName, ctx.now(), JSON.stringify(actor), mode]);
  const answer = parseScriptAnswer(reply);
  if (answer.kind === 'retry') throw new Error('crew sign-on does not retry');
  const outcome = outcomeOf(answer, crewUnitOf);
  return outcome.result.ok ? { ...outcome, effects: { sessionChanged: { userId: member.userId } } } : outcome;
}

/** [CR2] A crew member signs on to a vehicle (off any other first); the board shows who crews it. */
export function signOnCrew(ctx: CadContext, input: CrewSignOnInput, session: Session, actor: Actor): Promise<CommandOutcome<Unit>> {
  return run(ctx, session, actor, input.commandId, input.unitId, 'on');
}

/** [CR2] The crew member signs off the vehicle they are on. */
export async function signOffCrew(ctx: CadContext, input: CrewSignOffInput, session: Session, actor: Actor): Promise<CommandOutcome<Unit>> {
  if (!session.unitId) return refusal('not_signed_on', 'you are not signed on to a vehicle');
  return run(ctx, session, actor, input.commandId, session.unitId, 'off');
}

/** [CR2] A disabled crew member no longer shows on the vehicle: the administrator's disable signs them off it. */
export function signOffDisabled(ctx: CadContext, member: CrewMemberRef & { unitId: string }, actor: Actor): Promise<CommandOutcome<Unit>> {
  return run(ctx, member, actor, `disable-${randomUUID().replace(/-/g, '')}`, member.unitId, 'off');
}
