import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { ROLES, type Role } from '../../shared/auth/roles.ts';
import type { ArchiveLag } from '../archive/archiver.ts';
import { withinMs } from './withinMs.ts';

/** Seconds: command latencies run from a cached read (~1 ms) to a contended assignment under load (seconds). */
const COMMAND_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Seconds: a PING on loopback is well under a millisecond; anything near the readiness bound is trouble. */
const REDIS_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5];
/** A scrape must not wait on a slow Redis for the archive's lag: the gauges keep their last values instead. */
const ARCHIVE_LAG_BOUND_MS = 500;

/**
 * [OPS2] One server instance's Prometheus metrics, in a registry of its own (never prom-client's global one), so
 * two instances in one process (the scale-out tests) each count their own.
 */
export class CadMetrics {
  readonly registry = new Registry();
  readonly commands = new Counter({ name: 'cad_commands_total', help: 'Commands answered, by command and outcome (ok or the error code)', labelNames: ['command', 'outcome'] as const, registers: [this.registry] });
  readonly commandSeconds = new Histogram({ name: 'cad_command_duration_seconds', help: 'Time from a command reaching runCommand to its answer, by command', labelNames: ['command'] as const, buckets: COMMAND_BUCKETS, registers: [this.registry] });
  readonly positionsReceived = new Counter({ name: 'cad_positions_received_total', help: 'Position fixes received (devices, AVL feed, simulator)', registers: [this.registry] });
  readonly positionsCoalesced = new Counter({ name: 'cad_positions_coalesced_total', help: 'Position fixes replaced by a newer fix of the same unit before their frame went out', registers: [this.registry] });
  /** Stays 0 until position ingest sheds under overload; named now so dashboards and alerts can be built on it. */
  readonly positionsShed = new Counter({ name: 'cad_positions_shed_total', help: 'Position fixes dropped under overload', registers: [this.registry] });
  readonly floodDisconnects = new Counter({ name: 'cad_flood_disconnects_total', help: 'Connections closed for sending commands without reading their answers (OPS12)', registers: [this.registry] });
  readonly redisPingSeconds = new Histogram({ name: 'cad_redis_ping_seconds', help: 'Round trip of a PING on the commands connection (periodic probe and readiness checks)', buckets: REDIS_BUCKETS, registers: [this.registry] });

  constructor(sources: { socketRoles: () => Iterable<Role>; commandsInFlight: () => number; isDraining: () => boolean }) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'cad_sockets_connected',
      help: 'Sockets connected to this instance, by role',
      labelNames: ['role'] as const,
      registers: [this.registry],
      collect() {
        const counts = new Map<Role, number>(ROLES.map((role) => [role, 0]));
        for (const role of sources.socketRoles()) counts.set(role, (counts.get(role) ?? 0) + 1);
        for (const [role, count] of counts) this.set({ role }, count);
      },
    });
    new Gauge({
      name: 'cad_commands_in_flight',
      help: 'Commands being run by this instance',
      registers: [this.registry],
      collect() {
        this.set(sources.commandsInFlight());
      },
    });
    new Gauge({
      name: 'cad_draining',
      help: '1 while this instance drains before it stops (it refuses new commands), else 0',
      registers: [this.registry],
      collect() {
        this.set(sources.isDraining() ? 1 : 0);
      },
    });
  }

  /** [OPS2][AR5] The archive's lag, read at each scrape (bounded: a slow Redis leaves the last figures). */
  watchArchive(lag: () => Promise<ArchiveLag>): void {
    let last: ArchiveLag | null = null;
    let reading: Promise<ArchiveLag | null> | null = null;
    // The registry collects its metrics at once: both gauges share one read per scrape.
    const current = (): Promise<ArchiveLag | null> => {
      reading ??= withinMs(lag(), ARCHIVE_LAG_BOUND_MS).then((read) => {
        reading = null;
        if (read.ok) last = read.value;
        return last;
      });
      return reading;
    };
    const gauges: [string, string, (lag: ArchiveLag) => number][] = [
      ['cad_archive_lag_entries', 'Journal entries not yet confirmed in the PostgreSQL archive', (lag) => lag.entries],
      ['cad_archive_lag_seconds', 'Age of the oldest journal entry not yet confirmed in the archive (0 when none)', (lag) => lag.seconds],
    ];
    for (const [name, help, pick] of gauges) {
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          const read = await current();
          if (read) this.set(pick(read));
        },
      });
    }
  }

  /** The text exposition of every metric. */
  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
