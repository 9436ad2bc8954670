import { z } from 'zod';

const PortSchema = z.coerce.number().int().min(0).max(65535);

/** The environment the server reads, each variable with its rule and its demo default. */
export const ConfigSchema = z.object({
  PORT: PortSchema.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/\S+$/, 'must look like redis://host:6379 (or rediss:// for TLS)')
    .optional(),
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
});
export type Config = z.infer<typeof ConfigSchema>;

/** Reads the configuration; a bad variable stops start-up with a message naming it and the rule. */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}=${JSON.stringify(env[String(issue.path[0])] ?? '')}: ${issue.message}`);
  throw new Error(`The environment is not valid:\n${problems.join('\n')}`);
}
