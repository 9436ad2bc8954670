import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import type { CityData } from '../../server/city/cityData.ts';
import type { LngLat } from '../../shared/geo/position.ts';
import { INCIDENT_TYPE_IDS } from '../../shared/incidents/incidentTypes.ts';
import { PROTOCOL_VERSION } from '../../shared/protocol/events.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { DEMO_PASSWORD } from '../../server/auth/demoUsers.ts';
import { cookieOf } from '../../test/support/testSession.ts';
import { connectBenchSocket, type BenchSocket } from '../benchSocket.ts';
import { pointInBbox, seededRandom } from '../random.ts';
import { mapLimited } from '../load/mapLimited.ts';
import { setTimeout as sleep } from 'node:timers/promises';

export interface CityLoadOptions {
  /** Call-taker consoles creating incidents in turn. */
  callTakers: number;
  /** One incident every this many ms. */
  incidentEveryMs: number;
  /** Crews signed on to a vehicle each (the first of the fleet), each sending a position fix every `positionEveryMs`. */
  crews: number;
  positionEveryMs: number;
  seed: number;
}

/** What the load sent and how it was answered. */
export interface CityLoadCounts {
  /** Commands sent, answered ok, refused (by code), unanswered within 10 s, by command. */
  byCommand: Record<string, { sent: number; ok: number; refused: Record<string, number>; unanswered: number; latencyMs: number[] }>;
  incidentsCreated: number;
  incidentsClosed: number;
  /** Cancelled because no unit of the plan was free. */
  incidentsCancelled: number;
  maxOpen: number;
}

export interface CityLoad {
  counts: CityLoadCounts;
  /** Incidents created and not yet closed or cancelled. */
  open(): number;
  /** Sockets connected: call-takers, dispatchers and the supervisor, crews. */
  sockets: { callTakers: number; watchers: number; crews: number };
  /** Stops creating incidents and sending fixes, lets running incidents finish for up to `graceMs`, closes every socket. */
  stop(graceMs: number): Promise<void>;
}

const ANSWER_TIMEOUT_MS = 10_000;
/** Sockets opened one every this many ms: the server takes 120 connections a minute from one address. */
const CONNECT_SPACING_MS = 600;
const CREW_PASSWORD = 'soak crew password 2025';
const commandId = (): string => randomUUID().replace(/-/g, '');

type AckOf = Result<unknown>;

/**
 * A city's load on a running server, from socket.io-client connections signed in over HTTP as the consoles are: call
 * takers creating an incident every `incidentEveryMs` (in turn, random types and places in the metro); the combined
 * desk recommending and assigning, then moving the units en route, on scene and available and closing (about 70 s
 * an incident, so the open set stays level); each assigned unit's crew acknowledging; the EMS, Fire and Metro Police
 * desks and a supervisor connected and receiving every broadcast; and `crews` crews sending their vehicle's position.
 */
export async function startCityLoad(url: string, city: CityData, options: CityLoadOptions): Promise<CityLoad> {
  const random = seededRandom(options.seed);
  const counts: CityLoadCounts = { byCommand: {}, incidentsCreated: 0, incidentsClosed: 0, incidentsCancelled: 0, maxOpen: 0 };
  let isStopping = false;
  const open = new Set<string>();
  const running = new Set<Promise<void>>();

  const send = async (socket: BenchSocket, event: string, payload: Record<string, unknown>): Promise<AckOf | null> => {
    const tally = (counts.byCommand[event] ??= { sent: 0, ok: 0, refused: {}, unanswered: 0, latencyMs: [] });
    tally.sent += 1;
    const t0 = performance.now();
    const answer = await new Promise<AckOf | null>((done) => {
      const timer = setTimeout(() => done(null), ANSWER_TIMEOUT_MS);
      // The event map types each command's ack; the load sends raw payloads, so it widens the emitter once here.
      const emit = socket.emit.bind(socket) as (event: string, payload: unknown, ack: (result: AckOf) => void) => void;
      emit(event, payload, (result) => {
        clearTimeout(timer);
        done(result);
      });
    });
    if (answer === null) tally.unanswered += 1;
    else if (answer.ok) {
      tally.ok += 1;
      tally.latencyMs.push(performance.now() - t0);
    } else tally.refused[answer.error.code] = (tally.refused[answer.error.code] ?? 0) + 1;
    return answer;
  };

  const callTakers = await mapLimited(Array.from({ length: options.callTakers }), 4, () => connectBenchSocket(url, 'calltaker'));
  const dispatcher = await connectBenchSocket(url, 'dispatcher', 'combined');
  const watchers = [dispatcher, ...(await mapLimited(['ems', 'fire', 'police', 'supervisor'], 4, (user) => connectBenchSocket(url, user)))];

  const fleet = city.fleet.slice(0, options.crews);
  const bases = new Map(city.facilities.map((facility) => [facility.id, facility.position]));
  const crews = new Map<string, { socket: BenchSocket; at: LngLat }>();
  // Each crew signs in from an address of its own (X-Forwarded-For, the server behind a proxy), as phones in vehicles do.
  const post = async (path: string, body: unknown, headers: Record<string, string>): Promise<Response> => {
    const response = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response;
  };
  const admin = cookieOf(await post('/api/session', { username: 'admin', password: DEMO_PASSWORD }, { 'x-forwarded-for': '10.9.0.1' }));
  const crewCookies = await mapLimited(fleet, 4, async (unit, i) => {
    const username = `soak-crew-${String(i + 1).padStart(3, '0')}`;
    const address = { 'x-forwarded-for': `10.8.${i >> 8}.${i & 255}` };
    await post('/api/users', { username, displayName: `Soak crew ${i + 1}`, role: 'crew', desks: [], password: CREW_PASSWORD }, { cookie: admin, 'x-forwarded-for': '10.9.0.1' });
    const cookie = cookieOf(await post('/api/session', { username, password: CREW_PASSWORD }, address));
    await post('/api/crew/sign-on', { commandId: commandId(), unitId: unit.id }, { cookie, ...address });
    return cookie;
  });
  for (const [i, unit] of fleet.entries()) {
    const cookie = crewCookies[i] ?? '';
    await sleep(CONNECT_SPACING_MS);
    const socket: BenchSocket = io(url, { auth: { protocolVersion: PROTOCOL_VERSION }, extraHeaders: { cookie }, transports: ['websocket'], forceNew: true, reconnection: false });
    await new Promise<void>((done, fail) => {
      socket.once('connect_error', fail);
      socket.once('state:snapshot', () => done());
    });
    crews.set(unit.id, { socket, at: bases.get(unit.baseId) ?? [28.0, -26.2] });
  }

  const timers: NodeJS.Timeout[] = [];
  // Position fixes: each crew every positionEveryMs, the crews spread over the interval.
  [...crews.entries()].forEach(([unitId, crew], i) => {
    const start = setTimeout(() => {
      const tick = (): void => {
        if (isStopping) return;
        crew.at = [crew.at[0] + (random() - 0.5) * 0.002, crew.at[1] + (random() - 0.5) * 0.002];
        void send(crew.socket, 'unit:position', { commandId: commandId(), unitId, position: crew.at, fixAt: Date.now() });
      };
      tick();
      timers.push(setInterval(tick, options.positionEveryMs));
    }, (i * options.positionEveryMs) / Math.max(1, crews.size));
    timers.push(start);
  });

  // Calls come from around the city's facilities (all inside the metro), a kilometre or so either way.
  const places = city.facilities.map((facility) => facility.position);
  const pointInMetro = (): LngLat => {
    const near = places[Math.floor(random() * places.length)];
    return near ? [near[0] + (random() - 0.5) * 0.02, near[1] + (random() - 0.5) * 0.02] : pointInBbox(random);
  };

  const incidentLife = async (n: number): Promise<void> => {
    const callTaker = callTakers[n % callTakers.length];
    if (!callTaker) return;
    const created = await send(callTaker, 'incident:create', {
      commandId: commandId(),
      type: INCIDENT_TYPE_IDS[Math.floor(random() * INCIDENT_TYPE_IDS.length)] ?? 'medical_emergency',
      location: pointInMetro(),
      callerName: 'Soak Caller',
      callbackNumber: `082 555 ${String(1000 + (n % 1500)).padStart(4, '0')}`,
      notes: 'Soak test call',
      callStartedAt: Date.now() - 40_000,
    });
    if (!created?.ok) return;
    const incidentId = (created.data as { id: string }).id;
    counts.incidentsCreated += 1;
    open.add(incidentId);
    counts.maxOpen = Math.max(counts.maxOpen, open.size);
    try {
      await sleep(2_000);
      let units: string[] = [];
      for (let attempt = 0; attempt < 2 && units.length === 0; attempt += 1) {
        const recommendation = await send(dispatcher, 'dispatch:recommend', { incidentId });
        if (!recommendation?.ok) break;
        const byKind = (recommendation.data as { byKind: { needed: number; candidates: { unitId: string }[] }[] }).byKind;
        const chosen = byKind.flatMap((kind) => kind.candidates.slice(0, kind.needed).map((candidate) => candidate.unitId));
        if (chosen.length === 0) break;
        const assigned = await send(dispatcher, 'dispatch:assign', { commandId: commandId(), incidentId, unitIds: chosen });
        if (assigned?.ok) units = chosen;
      }
      if (units.length === 0) {
        await sleep(3_000);
        const cancelled = await send(dispatcher, 'incident:cancel', { commandId: commandId(), incidentId, reason: 'soak: no unit of the plan free' });
        if (cancelled?.ok) {
          counts.incidentsCancelled += 1;
          open.delete(incidentId);
        }
        return;
      }
      await sleep(3_000);
      for (const unitId of units) {
        const crew = crews.get(unitId);
        if (crew) await send(crew.socket, 'unit:acknowledge', { commandId: commandId(), unitId });
      }
      for (const [status, after] of [['en_route', 5_000], ['on_scene', 20_000], ['available', 35_000]] as const) {
        await sleep(after);
        for (const unitId of units) await send(dispatcher, 'unit:status', { commandId: commandId(), unitId, status });
      }
      await sleep(2_000);
      const closed = await send(dispatcher, 'incident:close', { commandId: commandId(), incidentId, disposition: 'treated_on_scene' });
      if (closed?.ok) {
        counts.incidentsClosed += 1;
        open.delete(incidentId);
      }
    } catch {
      // a socket closed under a running incident at the end of the soak
    }
  };

  let created = 0;
  const startLife = (): void => {
    if (isStopping) return;
    const life = incidentLife(created);
    created += 1;
    running.add(life);
    void life.finally(() => running.delete(life));
  };
  startLife();
  timers.push(setInterval(startLife, options.incidentEveryMs));

  return {
    counts,
    open: () => open.size,
    sockets: { callTakers: callTakers.length, watchers: watchers.length, crews: crews.size },
    async stop(graceMs) {
      isStopping = true;
      for (const timer of timers) clearTimeout(timer);
      await Promise.race([Promise.allSettled([...running]), sleep(graceMs)]);
      for (const socket of [...callTakers, ...watchers, ...[...crews.values()].map((crew) => crew.socket)]) socket.close();
    },
  };
}
