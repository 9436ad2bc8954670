import type { Delta, SyncAnswer, SyncSinceInput } from '../../shared/protocol/stateSchema.ts';
import { ok } from '../../shared/protocol/result.ts';
import { deltaConcernsViewer, deltaForCrew, type Viewer } from '../../shared/protocol/deskView.ts';
import { fail } from '../../shared/protocol/result.ts';
import type { CadContext } from '../app/cadContext.ts';
import type { CommandOutcome } from '../commands/commandOutcome.ts';
import { deltaFromCommitted } from '../redis/scriptAnswer.ts';
import { recordOfFields, type StreamEntry } from '../redis/streamEntry.ts';
import { readSnapshotFor } from './readSnapshot.ts';

/** Turns one journal stream entry into the delta that was broadcast for it. */
export function deltaFromEntry([id, fields]: StreamEntry): Delta {
  const record = recordOfFields(fields);
  return deltaFromCommitted({
    ok: true,
    version: Number(id.split('-')[0]),
    fact: record.fact,
    at: Number(record.at),
    actor: parseJson(record.actor),
    incidents: parseJson(record.incidents),
    units: parseJson(record.units),
    calls: parseJson(record.calls ?? '[]'),
    tickets: parseJson(record.tickets ?? '[]'),
  });
}

const parseJson = (text: string | undefined): unknown => JSON.parse(text ?? 'null') as unknown;

/** Journal entries after `afterVersion`, oldest first, at most `count`. */
export async function readJournalEntries(ctx: Pick<CadContext, 'redis' | 'keys'>, afterVersion: number, count: number): Promise<Delta[]> {
  const entries = (await ctx.redis.xrange(ctx.keys.journal, `${afterVersion + 1}-0`, '+', 'COUNT', count)) as StreamEntry[];
  return entries.map(deltaFromEntry);
}

/**
 * [RT3] A console that saw a gap asks for what it missed: the deltas after its version, or a
 * fresh snapshot when it is too far behind or the journal no longer holds the first one it needs.
 */
export async function readJournalSince(ctx: CadContext, input: SyncSinceInput, viewer: Viewer): Promise<CommandOutcome<SyncAnswer>> {
  const head = Number((await ctx.redis.get(ctx.keys.version)) ?? 0);
  if (input.version > head) {
    // [RT5] A client that believes it is ahead of the server would ignore every real change: say so.
    return { result: fail('version_ahead', `version ${input.version} is ahead of the server's ${head}; take a fresh snapshot`) };
  }
  const limit = ctx.settings.maxReplayEntries;
  const deltas = await readJournalEntries(ctx, input.version, limit + 1);
  const isContiguous = deltas.length === 0 || deltas[0]?.version === input.version + 1;
  if (deltas.length <= limit && isContiguous) {
    const version = deltas.at(-1)?.version ?? input.version;
    const seen = deltas.filter((delta) => deltaConcernsViewer(viewer, delta));
    const visible = viewer.role === 'crew' ? seen.map(deltaForCrew) : seen;
    return { result: ok({ kind: 'deltas', deltas: visible, version }) };
  }
  return { result: ok({ kind: 'snapshot', snapshot: await readSnapshotFor(ctx, viewer) }) };
}
