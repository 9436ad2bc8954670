import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt cost: N = 2^log2N, r = 8, p = 1. 2^16 (64 MiB, about 0.35 s on the 2-core test machine) for people; tests may pass less. */
export interface PasswordCost {
  log2N: number;
}

export const DEFAULT_PASSWORD_COST: PasswordCost = { log2N: 16 };

const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, log2N: number): Promise<Buffer> {
  const N = 2 ** log2N;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { N, r: 8, p: 1, maxmem: 256 * N * 8 }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** [AU4] A stored password: `scrypt$<log2N>$<salt b64>$<key b64>` (node's scrypt, memory-hard; the cost travels with the hash). */
export async function hashPassword(password: string, cost: PasswordCost = DEFAULT_PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost.log2N);
  return `scrypt$${cost.log2N}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Checks a password against a stored hash in constant time; a damaged hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, log2NText, saltText, keyText] = stored.split('$');
  const log2N = Number(log2NText);
  if (scheme !== 'scrypt' || !Number.isInteger(log2N) || log2N < 10 || log2N > 20 || !saltText || !keyText) return false;
  const expected = Buffer.from(keyText, 'base64');
  const actual = await derive(password, Buffer.from(saltText, 'base64'), log2N);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** A hash to compare against when the username is unknown, so that the answer takes as long either way. */
let decoy: Promise<string> | null = null;
export function decoyHash(cost: PasswordCost): Promise<string> {
  decoy ??= hashPassword(randomBytes(12).toString('base64'), cost);
  return decoy;
}
