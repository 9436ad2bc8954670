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
export async function readJournalEntries(ctx: Pick<CadContext, 'readsRedis' | 'keys'>, afterVersion: number, count: number): Promise<Delta[]> {
  const entries = (await ctx.readsRedis.xrange(ctx.keys.journal, `${afterVersion + 1}-0`, '+', 'COUNT', count)) as StreamEntry[];
  return entries.map(deltaFromEntry);
}

/** What the journal holds after a version: its deltas up to the head, or why not. */
export type JournalSince = { kind: 'deltas'; deltas: Delta[]; version: number } | { kind: 'too_far' } | { kind: 'ahead'; head: number };

/**
 * [RT3][RT5] The journal after `version`: every delta up to the head, or `too_far` when that is more than
 * `maxReplayEntries` or the journal no longer holds the first one, or `ahead` for a version the server never reached.
 */
export async function journalSince(ctx: Pick<CadContext, 'readsRedis' | 'keys' | 'settings'>, version: number): Promise<JournalSince> {
  const head = Number((await ctx.readsRedis.get(ctx.keys.version)) ?? 0);
  if (version > head) return { kind: 'ahead', head };
  const limit = ctx.settings.maxReplayEntries;
  const deltas = await readJournalEntries(ctx, version, limit + 1);
  const isContiguous = deltas.length === 0 || deltas[0]?.version === version + 1;
  if (deltas.length > limit || !isContiguous) return { kind: 'too_far' };
  return { kind: 'deltas', deltas, version: deltas.at(-1)?.version ?? version };
}

/** [DK2][AU7] Of `deltas`, what `viewer` is sent: the changes that concern it, a crew's without callers or tickets. */
export function deltasForViewer(viewer: Viewer, deltas: readonly Delta[]): Delta[] {
  const seen = deltas.filter((delta) => deltaConcernsViewer(viewer, delta));
  return viewer.role === 'crew' ? seen.map(deltaForCrew) : seen;
}

/** [RT3][RT6] What `sync:since` answers `viewer` from what the journal holds: its deltas, or its snapshot when too far behind. */
export async function syncAnswerFor(ctx: CadContext, since: Exclude<JournalSince, { kind: 'ahead' }>, viewer: Viewer): Promise<SyncAnswer> {
  if (since.kind === 'deltas') return { kind: 'deltas', deltas: deltasForViewer(viewer, since.deltas), version: since.version };
  return { kind: 'snapshot', snapshot: await readSnapshotFor(ctx, viewer) };
}

/**
 * [RT3] A console that saw a gap asks for what it missed: the deltas after its version, or a
 * fresh snapshot when it is too far behind or the journal no longer holds the first one it needs.
 */
export async function readJournalSince(ctx: CadContext, input: SyncSinceInput, viewer: Viewer): Promise<CommandOutcome<SyncAnswer>> {
  const since = await journalSince(ctx, input.version);
  if (since.kind === 'ahead') {
    // [RT5] A client that believes it is ahead of the server would ignore every real change: say so.
    return { result: fail('version_ahead', `version ${input.version} is ahead of the server's ${since.head}; take a fresh snapshot`) };
  }
  return { result: ok(await syncAnswerFor(ctx, since, viewer)) };
}
