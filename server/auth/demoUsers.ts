import type { Desk, PersonRole } from '../../shared/auth/roles.ts';
import type { CadContext } from '../app/cadContext.ts';
import { hashPassword } from './passwordHash.ts';
import { createUser, findUserByName } from './userStore.ts';

/** The demo's one password for every demo user. A production server refuses to start while any demo user exists. */
export const DEMO_PASSWORD = 'joburg-demo';

export interface DemoUser {
  username: string;
  displayName: string;
  role: PersonRole;
  desks: Desk[];
  /** [CC6] A department officer's department. */
  department?: string;
}

/** One user per role (and per dispatch desk), for the demo. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'calltaker', displayName: 'Thandi Mokoena', role: 'call_taker', desks: [] },
  { username: 'ems', displayName: 'Sipho Dlamini', role: 'dispatcher', desks: ['ems'] },
  { username: 'fire', displayName: 'Anele Khumalo', role: 'dispatcher', desks: ['fire'] },
  { username: 'police', displayName: 'Pieter van Wyk', role: 'dispatcher', desks: ['metro_police'] },
  { username: 'dispatcher', displayName: 'Lerato Nkosi', role: 'dispatcher', desks: ['combined', 'ems', 'fire', 'metro_police'] },
  { username: 'crew', displayName: 'Bongani Zulu', role: 'crew', desks: [] },
  { username: 'crew2', displayName: 'Naledi Mahlangu', role: 'crew', desks: [] },
  { username: 'supervisor', displayName: 'Ayesha Patel', role: 'supervisor', desks: [] },
  { username: 'admin', displayName: 'City IT administrator', role: 'administrator', desks: [] },
  { username: 'agent', displayName: 'Zanele Ndlovu', role: 'care_agent', desks: [] },
  { username: 'water', displayName: 'Joburg Water officer', role: 'department_officer', desks: [], department: 'joburg_water' },
  { username: 'power', displayName: 'City Power officer', role: 'department_officer', desks: [], department: 'city_power' },
  { username: 'gas', displayName: 'Egoli Gas officer', role: 'department_officer', desks: [], department: 'egoli_gas' },
];

/** The demo users a city seeds: department officers only where the city's Care Connect line has their department. */
export function demoUsersFor(ctx: CadContext): readonly DemoUser[] {
  return DEMO_USERS.filter((user) => user.department === undefined || ctx.city.care?.department(user.department) !== undefined);
}

/**
 * Adds the demo users that are missing (an existing user keeps the password it has). They share one published password,
 * so it is hashed once and the hash (its salt with it) is shared: a salt per user would hide nothing about a password
 * printed in the README, and the 13 hashes were 2 s of a 5 s cold start (benchmark 15).
 */
export async function seedDemoUsers(ctx: CadContext): Promise<void> {
  const missing = (await Promise.all(demoUsersFor(ctx).map(async (user) => ((await findUserByName(ctx, user.username)) ? null : user)))).filter((user) => user !== null);
  if (missing.length === 0) return;
  const passwordHash = await hashPassword(DEMO_PASSWORD, ctx.settings.passwordCost);
  await Promise.all(missing.map((user) => createUser(ctx, { ...user, password: DEMO_PASSWORD }, passwordHash)));
}

/** The demo users present in the store, for the production check. */
export async function demoUsersPresent(ctx: CadContext): Promise<string[]> {
  const present: string[] = [];
  for (const user of DEMO_USERS) {
    const stored = await findUserByName(ctx, user.username);
    if (stored && !stored.isDisabled) present.push(user.username);
  }
  return present;
}
