import type pg from 'pg';
import type { Delta } from '../../shared/protocol/stateSchema.ts';
import { auditEntryOf } from '../audit/searchAudit.ts';
import type { StreamEntry } from '../redis/streamEntry.ts';
import { deltaFromEntry } from '../journal/readJournalSince.ts';
import type { Logger } from '../ops/logger.ts';
import { BLOCKING_READER_ROLE, connectRedis, type RedisTarget } from '../redis/connectRedis.ts';
import type { RedisKeys } from '../redis/keys.ts';
import type { RedisClient } from '../redis/redisClient.ts';
import { SCRIPTS } from '../redis/scripts.ts';
import { watchConnection } from '../redis/watchConnection.ts';
import { withinMs } from '../ops/withinMs.ts';
import { writeAuditBatch, writeJournalBatch } from './writeArchive.ts';

/** The consumer group every instance's archiver reads the journal in. */
export const ARCHIVE_GROUP = 'archive';

export interface ArchiverOptions {
  /** The shared commands connection (nothing blocks on it); the archiver opens its own for blocking reads. */
  redis: RedisClient;
  /** Where the archiver's own reading connection goes (the same store as `redis`). */
  redisTarget: RedisTarget;
  keys: RedisKeys;
  pool: pg.Pool;
  /** This instance's name in the group: stable across restarts, so a restarted server re-reads what it had not confirmed. */
  consumer: string;
  /** Journal entries kept in Redis even once archived, for consoles catching up after a reconnect. */
  keepEntries: number;
  batchSize?: number;
  /** Another consumer's entries unconfirmed this long are taken over (its server died). */
  claimIdleMs?: number;
  log: Logger;
}

/** [AR5] How far the archive is behind the live journal. */
export interface ArchiveLag {
  /** Journal entries not yet confirmed in PostgreSQL. */
  entries: number;
  /** Age of the oldest of them, in seconds (0 when none). */
  seconds: number;
  /** The newest version confirmed in the archive. */
  confirmedVersion: number;
  /** The last write error, while the archive is failing; null once a write succeeds again. */
  lastError: string | null;
}

export interface Archiver {
  lag(): Promise<ArchiveLag>;
  /** Resolves once every journal entry up to `version` is confirmed (tests, replay, shutdown). */
  waitFor(version: number, timeoutMs: number): Promise<boolean>;
  stop(): Promise<void>;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * [AR3] Copies the journal into PostgreSQL through a Redis consumer group: read (this consumer's unconfirmed
 * entries first, then entries another consumer left unconfirmed, then new ones), write idempotently, then
 * acknowledge; and trims the journal below what is confirmed. A failing archive is retried with backoff while
 * Redis keeps every entry it has not confirmed. The audit record is copied the same way, by a cursor kept in
 * PostgreSQL in the same transaction as the rows.
 */
export function startArchiver(options: ArchiverOptions): Archiver {
  const { keys, pool, consumer } = options;
  const batchSize = options.batchSize ?? 500;
  const claimIdleMs = options.claimIdleMs ?? 30_000;
  const redis = options.redis;
  const reader = connectRedis(options.redisTarget, BLOCKING_READER_ROLE);
  watchConnection(reader, 'archive reader', options.log);
  let isRunning = true;
  let lastError: string | null = null;
  let confirmedVersion = 0;
  let lastClaimAt = 0;
  let lastTrimAt = 0;

  async function ensureGroup(): Promise<void> {
    try {
      await redis.xgroup('CREATE', keys.journal, ARCHIVE_GROUP, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith('BUSYGROUP'))) throw error;
    }
  }

  type Reply = [stream: string, entries: [id: string, fields: string[] | null][]][] | null;
  const entriesOf = (reply: Reply): [string, string[] | null][] => reply?.[0]?.[1] ?? [];

  async function archive(entries: [string, string[] | null][]): Promise<void> {
    if (entries.length === 0) return;
    // An entry trimmed while pending reads back without fields: nothing to write, only to acknowledge.
    const deltas: Delta[] = entries.flatMap(([id, fields]) => (fields ? [deltaFromEntry([id, fields])] : []));
    const client = await pool.connect();
    try {
      await writeJournalBatch(client, deltas);
    } finally {
      client.release();
    }
    await redis.xack(keys.journal, ARCHIVE_GROUP, ...entries.map(([id]) => id));
  }

  async function copyAudit(): Promise<void> {
    const cursor = await pool.query<{ last_id: string }>("SELECT last_id FROM archive_cursor WHERE stream = 'audit'");
    const after = cursor.rows[0]?.last_id;
    const raw = (await redis.xrange(keys.audit, after ? `(${after}` : '-', '+', 'COUNT', batchSize)) as StreamEntry[];
    const last = raw.at(-1);
    if (!last) return;
    const entries = raw.flatMap((entry) => {
      const parsed = auditEntryOf(entry);
      return parsed ? [parsed] : [];
    });
    const client = await pool.connect();
    try {
      await writeAuditBatch(client, entries, last[0]);
    } finally {
      client.release();
    }
  }

  /** Reads what the archive has confirmed and, with `isTrimming`, trims the journal below it. */
  async function confirm(isTrimming: boolean): Promise<void> {
    const [confirmed] = (await SCRIPTS.trimArchived.run(redis, [keys.journal, keys.version], [ARCHIVE_GROUP, options.keepEntries, isTrimming ? '1' : '0'])) as [number, number];
    confirmedVersion = Math.max(confirmedVersion, confirmed);
  }

  async function step(needPending: boolean): Promise<boolean> {
    if (needPending) {
      const pending = entriesOf((await redis.xreadgroup('GROUP', ARCHIVE_GROUP, consumer, 'COUNT', batchSize, 'STREAMS', keys.journal, '0')));
      await archive(pending);
      if (pending.length > 0) return true;
    }
    if (Date.now() - lastClaimAt > claimIdleMs / 2) {
      lastClaimAt = Date.now();
      const claimed = (await redis.xautoclaim(keys.journal, ARCHIVE_GROUP, consumer, claimIdleMs, '0-0', 'COUNT', batchSize)) as [string, [string, string[] | null][]];
      await archive(claimed[1]);
    }
    const fresh = entriesOf((await reader.xreadgroup('GROUP', ARCHIVE_GROUP, consumer, 'COUNT', batchSize, 'BLOCK', 500, 'STREAMS', keys.journal, '>')));
    await archive(fresh);
    await copyAudit();
    if (Date.now() - lastTrimAt > 1_000 || fresh.length === 0) {
      lastTrimAt = Date.now();
      await confirm(true);
    }
    return false;
  }

  const loop = (async () => {
    let failures = 0;
    let needPending = true;
    while (isRunning) {
      try {
        if (failures > 0 || needPending) await ensureGroup();
        needPending = await step(needPending);
        if (failures > 0) options.log.info({ failures }, `archive: writing again after ${failures} failed attempt(s)`);
        failures = 0;
        lastError = null;
      } catch (error) {
        failures += 1;
        needPending = true;
        lastError = error instanceof Error ? error.message : String(error);
        if (failures === 1 || failures % 20 === 0) options.log.error({ failures, error: lastError }, `archive: ${lastError} (entries stay in Redis until the archive confirms them; retrying)`);
        await sleep(Math.min(5_000, 200 * 2 ** Math.min(failures, 5)));
      }
    }
  })();

  async function lag(): Promise<ArchiveLag> {
    await confirm(false);
    const head = Number((await redis.get(keys.version)) ?? 0);
    const entries = Math.max(0, head - confirmedVersion);
    let seconds = 0;
    if (entries > 0) {
      const oldest = (await redis.xrange(keys.journal, `${confirmedVersion + 1}-0`, '+', 'COUNT', 1)) as StreamEntry[];
      const at = oldest[0] ? deltaFromEntry(oldest[0]).at : Date.now();
      seconds = Math.max(0, Math.round((Date.now() - at) / 1000));
    }
    return { entries, seconds, confirmedVersion, lastError };
  }

  return {
    lag,
    async waitFor(version, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        await confirm(false).catch(() => undefined);
        if (confirmedVersion >= version) return true;
        await sleep(50);
      }
      return false;
    },
    async stop() {
      isRunning = false;
      await loop;
      reader.disconnect();
      // [OPS4] Every batch was acknowledged after its commit; this reads where that left the archive, for the log.
      const confirmed = await withinMs(confirm(false), 1_000);
      options.log.info({ confirmedVersion, isConfirmed: confirmed.ok }, `archive: stopped with the journal archived up to version ${confirmedVersion}`);
    },
  };
}
