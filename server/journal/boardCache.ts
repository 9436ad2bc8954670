import type { Incident } from '../../shared/incidents/incidentSchema.ts';
import { queueScore } from '../../shared/incidents/incidentLifecycle.ts';
import type { Snapshot } from '../../shared/protocol/stateSchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { readJournalEntries } from './readJournalSince.ts';
import { boardSnapshot, readSnapshot } from './readSnapshot.ts';

/** What the copy reads from: the live store and the rules a snapshot carries. */
export type BoardStore = Pick<CadContext, 'readsRedis' | 'keys' | 'settings' | 'now'>;

/** An open incident with its place in the queue (the open set's score: priority, then age). */
interface Queued {
  incident: Incident;
  score: number;
}

/** The instance's copy of the open incidents, at a version. */
interface OpenBoard {
  version: number;
  incidents: Map<string, Queued>;
}

const settled = (): void => undefined;

/** The open set's order: score, then id as Redis orders equal scores (byte order; ids are ASCII). */
const byQueue = (a: Queued, b: Queued): number => a.score - b.score || (a.incident.id < b.incident.id ? -1 : a.incident.id > b.incident.id ? 1 : 0);

/**
 * [OPS12] The whole board at the cost of what changed. The units (and the version) are read fresh each time, in one
 * script; the open incidents are this instance's copy, brought to that same version by the journal entries since the
 * copy was made, or read whole when the copy is too far behind (or the journal no longer holds the entries). Equal to
 * `readSnapshot`, which reads the whole board in Redis at once: 2,000 open incidents held Redis for 20–75 ms per read.
 *
 * Reads are coalesced: a read asked for while one runs waits for the next, which starts after it and serves every
 * caller that asked meanwhile, so a reconnect storm of consoles costs one read at a time, and each caller's read starts
 * after it asked (a console joins its rooms first, so no change can fall between its snapshot and its deltas).
 *
 * The copy is a cache, not a source: an instance that loses it reads the board again; nothing else depends on it.
 */
export class BoardCache {
  private board: OpenBoard | null = null;
  private running: Promise<Snapshot> | null = null;
  private next: Promise<Snapshot> | null = null;

  constructor(private readonly ctx: BoardStore) {}

  /** The board as it is after this call: every unit and open incident, at one version. */
  read(): Promise<Snapshot> {
    // Every caller until the next read starts shares it; it starts once the running one (if any) has ended.
    this.next ??= (this.running ?? Promise.resolve()).then(settled, settled).then(() => {
      this.next = null;
      const running = this.readNow();
      this.running = running;
      void running.then(settled, settled).then(() => {
        if (this.running === running) this.running = null;
      });
      return running;
    });
    return this.next;
  }

  private async readNow(): Promise<Snapshot> {
    const { ctx } = this;
    const { keys } = ctx;
    const known = this.board;
    if (!known) return this.readWhole();
    const reply = await SCRIPTS.boardUnits.run(ctx.readsRedis, [keys.version, keys.unitIds], [keys.unitPrefix]);
    if (!Array.isArray(reply) || reply.length !== 2) throw new Error('boardUnits script answered an unexpected shape');
    const [versionText, unitsJson] = reply as [string, string];
    const version = Number(versionText);
    const behind = version - known.version;
    if (behind < 0 || behind > ctx.settings.maxReplayEntries) return this.readWhole();
    let incidents = known.incidents;
    if (behind > 0) {
      const deltas = await readJournalEntries(ctx, known.version, behind);
      const isWhole = deltas.length === behind && deltas[0]?.version === known.version + 1 && deltas.at(-1)?.version === version;
      // The journal no longer holds what the copy needs (trimmed): read the board whole.
      if (!isWhole) return this.readWhole();
      incidents = new Map(known.incidents);
      for (const delta of deltas) {
        for (const incident of delta.incidents) {
          if (incident.status === 'closed') incidents.delete(incident.id);
          else incidents.set(incident.id, { incident, score: queueScore(incident) });
        }
      }
      // Another read may have brought the copy further meanwhile; keep the newer.
      if (!this.board || this.board.version < version) this.board = { version, incidents };
    }
    return boardSnapshot(ctx, version, unitsJson, [...incidents.values()].sort(byQueue).map((queued) => queued.incident));
  }

  private async readWhole(): Promise<Snapshot> {
    const snapshot = await readSnapshot(this.ctx);
    const incidents = new Map(snapshot.incidents.map((incident): [string, Queued] => [incident.id, { incident, score: queueScore(incident) }]));
    if (!this.board || this.board.version <= snapshot.version) this.board = { version: snapshot.version, incidents };
    return snapshot;
  }
}
