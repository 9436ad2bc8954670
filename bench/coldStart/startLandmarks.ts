import { PROBE_TAG } from './probeTag.ts';

/** Landmarks of one start, in ms after the spawn (null: not seen). */
export interface StartLandmarks {
  /** The child's `performance.timeOrigin`: the process exists. */
  processStart: number | null;
  /** The probe preloaded: Node's own start-up (and tsx's loader, from the sources). */
  preload: number | null;
  /** First read of a city fixture: every server module imported (the bundle, or transpiled by tsx) and evaluated, `main()` running. */
  firstFixtureRead: number | null;
  lastFixtureRead: number | null;
  /** First TCP connection to the Redis port, to the PostgreSQL port. */
  redisConnect: number | null;
  postgresConnect: number | null;
  /** Log line `Archive schema: applied …` (a fresh database only). */
  migrated: number | null;
  /** HTTP server `listen()` called (the end of `createCadServer`). */
  listen: number | null;
  /** Log line `Open http://…`, printed once the server is up and the city jobs started. */
  openLogged: number | null;
  /** First 200 from `GET /readyz`. */
  ready: number;
}

export interface StartTrace {
  landmarks: StartLandmarks;
  /** `scrypt` calls before ready (demo users' passwords) and their summed duration (they run one after another). */
  scrypt: { calls: number; totalMs: number };
  fixtureReads: number;
  /** The server's log lines up to ready: ms after the spawn and the message. */
  log: { atMs: number; msg: string }[];
}

interface ProbeLine {
  event: string;
  at: number;
  port?: number;
  ms?: number;
  reads?: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function jsonLines(text: string): Record<string, unknown>[] {
  return text.split('\n').flatMap((line): Record<string, unknown>[] => {
    if (!line.startsWith('{')) return [];
    try {
      const value: unknown = JSON.parse(line);
      return isRecord(value) ? [value] : [];
    } catch {
      return [];
    }
  });
}

function probeLines(stderr: string): ProbeLine[] {
  return jsonLines(stderr).flatMap((line) => {
    const event = line[PROBE_TAG];
    const at = line.at;
    if (typeof event !== 'string' || typeof at !== 'number') return [];
    return [{ event, at, ...(typeof line.port === 'number' ? { port: line.port } : {}), ...(typeof line.ms === 'number' ? { ms: line.ms } : {}), ...(typeof line.reads === 'number' ? { reads: line.reads } : {}) }];
  });
}

/**
 * Reads a start's landmarks from the probe's lines (stderr) and the server's JSON log (stdout). `ports` names the stores'
 * ports (null for embedded stores: read from the server's own log) and the HTTP port the server was given.
 */
export function traceStart(stdout: string, stderr: string, spawnedAt: number, readyAt: number, ports: { redis: number | null; postgres: number | null; http: number }): StartTrace {
  const since = (at: number | undefined | null): number | null => (at === undefined || at === null ? null : at - spawnedAt);
  const probes = probeLines(stderr).filter((line) => line.at <= readyAt);
  const first = (event: string, port?: number): ProbeLine | undefined => probes.find((line) => line.event === event && (port === undefined || line.port === port));
  const log = jsonLines(stdout).flatMap((line) => {
    const time = typeof line.time === 'string' ? Date.parse(line.time) : Number.NaN;
    return Number.isFinite(time) && time <= readyAt + 1 ? [{ atMs: time - spawnedAt, msg: typeof line.msg === 'string' ? line.msg : '', line }] : [];
  });
  const logged = (prefix: string): number | null => log.find((line) => line.msg.startsWith(prefix))?.atMs ?? null;
  const portLogged = (field: string, pattern: RegExp): number | null => {
    for (const { line } of log) {
      const value = line[field];
      if (typeof value === 'number') return value;
      const match = typeof value === 'string' ? pattern.exec(value) : null;
      if (match?.[1]) return Number(match[1]);
    }
    return null;
  };
  const redisPort = ports.redis ?? portLogged('redisUrl', /:(\d+)$/);
  const postgresPort = ports.postgres ?? portLogged('postgresPort', /^(\d+)$/);
  const scrypts = probes.filter((line) => line.event === 'scrypt');
  const last = first('lastFixtureRead');
  return {
    landmarks: {
      processStart: since(first('processStart')?.at),
      preload: since(first('preload')?.at),
      firstFixtureRead: since(first('firstFixtureRead')?.at),
      lastFixtureRead: since(last?.at),
      redisConnect: redisPort === null ? null : since(first('connect', redisPort)?.at),
      postgresConnect: postgresPort === null ? null : since(first('connect', postgresPort)?.at),
      migrated: logged('Archive schema: applied'),
      listen: since(first('listen', ports.http)?.at),
      openLogged: logged('Open http'),
      ready: readyAt - spawnedAt,
    },
    scrypt: { calls: scrypts.length, totalMs: scrypts.reduce((sum, line) => sum + (line.ms ?? 0), 0) },
    fixtureReads: last?.reads ?? 0,
    log: log.map(({ atMs, msg }) => ({ atMs, msg: msg.length > 120 ? `${msg.slice(0, 117)}…` : msg })),
  };
}
