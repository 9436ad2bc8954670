import { z } from 'zod';
import { LOG_LEVELS } from '../ops/logger.ts';

const PortSchema = z.coerce.number().int().min(0).max(65535);

/** The environment the server reads, each variable with its rule and its demo default. */
export const ConfigSchema = z.object({
  PORT: PortSchema.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/[^\s,]+(,rediss?:\/\/[^\s,]+)*$/, 'must look like redis://host:6379 (or rediss:// for TLS); with REDIS_CLUSTER=on, one or more nodes separated by commas')
    .optional(),
  /** `on`: REDIS_URL names one or more nodes of a Redis Cluster (seeds: the client learns the rest from them). */
  REDIS_CLUSTER: z.enum(['on', 'off']).default('off'),
  /** [AR1] The PostgreSQL archive; unset, the server starts its own under DATA_DIR/<city>/postgres. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must look like postgres://user:password@host:5432/database')
    .optional(),
  /** This instance's name in the archive's consumer group; stable across restarts (default: the host name). */
  INSTANCE_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits or . _ -').optional(),
  /** [RL1] `replay`: the clock stands still until a replay moves it (npm run replay); never in production. */
  CLOCK: z.enum(['system', 'replay']).default('system'),
  /** [RL1] Where a replay clock starts (ISO 8601 with offset): the first call of the log to be replayed. */
  CLOCK_START: z.iso.datetime({ offset: true }).optional(),
  /** The city pack to run: Johannesburg (municipal data, no road network) or a pack imported from OpenStreetMap. */
  CITY: z.enum(['joburg', 'andorra', 'monaco']).default('joburg'),
  DATA_DIR: z.string().min(1).default('data'),
  STALE_POSITION_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
  POSITION_FRAME_MS: z.coerce.number().int().min(50).max(5_000).default(250),
  ACK_DEADLINE_SECONDS: z.coerce.number().int().min(5).max(3_600).default(60),
  /** The demo's parked vehicles report their position every minute, as their AVL devices would. */
  DEMO_AVL: z.enum(['on', 'off']).default('on'),
  /** The demo's vehicles drive their assignments (turn out, drive, transport, return to base). */
  SIMULATOR: z.enum(['on', 'off']).default('on'),
  /** `production` refuses to start with demo users or without a configured session secret. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** [AU4] The secret session tokens are signed with, shared by every instance (at least 32 characters). */
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long a sign-in lasts, in minutes (renewed while the console is in use). */
  SESSION_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(13 * 60),
  /** Seed one demo user per role (password joburg-demo). Off by default in production. */
  DEMO_USERS: z.enum(['on', 'off']).optional(),
  /** [AU5] The first administrator of a new deployment: created at start when no user has this name. */
  ADMIN_USERNAME: z.string().trim().toLowerCase().regex(/^[a-z0-9._@-]{2,40}$/, 'must be 2-40 letters, digits or . _ @ -').optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(200).optional(),
  /** Behind a TLS-terminating proxy: secure cookies, HSTS, and the client address from X-Forwarded-For. */
  BEHIND_HTTPS_PROXY: z.enum(['on', 'off']).default('off'),
  /** [OPS1] How much the server logs (JSON lines on stdout): `info` has one line per command; `silent` for tests. */
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Rules that tie variables together. */
const CheckedConfigSchema = ConfigSchema.refine((c) => !(c.NODE_ENV === 'production' && c.CLOCK === 'replay'), {
  message: 'a production server runs on the real clock; CLOCK=replay is for replay servers',
  path: ['CLOCK'],
}).refine((c) => (c.ADMIN_USERNAME === undefined) === (c.ADMIN_PASSWORD === undefined), {
  message: 'set both ADMIN_USERNAME and ADMIN_PASSWORD, or neither',
  path: ['ADMIN_PASSWORD'],
}).refine((c) => !(c.REDIS_CLUSTER === 'on' && c.REDIS_URL === undefined), {
  message: 'a Redis Cluster is not started here: set REDIS_URL to one or more of its nodes (redis://host:7000,redis://host:7001)',
  path: ['REDIS_CLUSTER'],
}).refine((c) => !(c.REDIS_CLUSTER === 'off' && c.REDIS_URL?.includes(',')), {
  message: 'names several nodes, which only a Redis Cluster has: set REDIS_CLUSTER=on, or name one node',
  path: ['REDIS_URL'],
});

/** Reads the configuration; a bad variable stops start-up with a message naming it and the rule. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = CheckedConfigSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  // Secrets are never echoed back.
  const shown = (name: string): string => (/PASSWORD|SECRET/.test(name) ? '(hidden)' : JSON.stringify(env[name] ?? ''));
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}=${shown(String(issue.path[0]))}: ${issue.message}`);
  throw new Error(`The environment is not valid:\n${problems.join('\n')}`);
}
