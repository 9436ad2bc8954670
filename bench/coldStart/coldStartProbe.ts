/**
 * Preloaded into the server process by the cold-start benchmark (`node --import <this probe, built> dist/server/main.mjs`,
 * or `--import tsx --import ./bench/coldStart/coldStartProbe.ts server/main.ts` from the sources): it changes nothing the server does, it only writes, on stderr, one JSON line per landmark of the
 * start with the wall-clock time (ms since the epoch): the preload itself, the first and last reads of a city
 * fixture (`fs.readFileSync` under `fixtures/`: the imports are done when the first is read), the first TCP connection
 * to each port (Redis, PostgreSQL), every `scrypt` (password hashing: demo users) with its duration, and each `listen` with its port.
 */
import type * as Crypto from 'node:crypto';
import type * as Fs from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import type * as Net from 'node:net';
import type { Server, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

import { PROBE_TAG } from './probeTag.ts';

const require = createRequire(import.meta.url);
const fs = require('node:fs') as typeof Fs;
const net = require('node:net') as typeof Net;
const crypto = require('node:crypto') as typeof Crypto;

type Method<This, Result> = (this: This, ...args: unknown[]) => Result;
/** A prototype's own method, taken off it to be wrapped. */
const methodOf = <This, Result>(prototype: object, name: string): Method<This, Result> => Object.getOwnPropertyDescriptor(prototype, name)?.value as Method<This, Result>;

const now = (): number => performance.timeOrigin + performance.now();
const mark = (event: string, extra: Record<string, number | string> = {}, at = now()): void => {
  process.stderr.write(`${JSON.stringify({ [PROBE_TAG]: event, at, ...extra })}\n`);
};

mark('processStart', {}, performance.timeOrigin);
mark('preload');

let lastFixtureRead: number | null = null;
let fixtureReads = 0;
const flushFixtureReads = (): void => {
  if (lastFixtureRead !== null) mark('lastFixtureRead', { reads: fixtureReads }, lastFixtureRead);
  lastFixtureRead = null;
};

const readFileSync = fs.readFileSync;
fs.readFileSync = function probedReadFileSync(this: unknown, ...args: Parameters<typeof readFileSync>) {
  const path = args[0];
  if (typeof path === 'string' && path.includes('/fixtures/')) {
    if (fixtureReads === 0) mark('firstFixtureRead');
    fixtureReads += 1;
    const result = readFileSync.apply(this, args);
    lastFixtureRead = now();
    return result;
  }
  return readFileSync.apply(this, args);
} as typeof fs.readFileSync;

/** The port in `connect()`'s or `listen()`'s arguments (net.connect() hands over an array: [options, callback]). */
const portOf = (args: unknown[]): number => {
  const first: unknown = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  return typeof first === 'number' ? first : typeof first === 'string' ? Number(first) : typeof first === 'object' && first !== null && 'port' in first ? Number(first.port) : Number.NaN;
};

const connected = new Set<number>();
const connect = methodOf<Socket, Socket>(net.Socket.prototype, 'connect');
net.Socket.prototype.connect = function probedConnect(this: Socket, ...args: unknown[]) {
  const port = portOf(args);
  if (Number.isFinite(port) && !connected.has(port)) {
    connected.add(port);
    flushFixtureReads();
    mark('connect', { port });
  }
  return connect.apply(this, args);
};

const listen = methodOf<Server, Server>(net.Server.prototype, 'listen');
net.Server.prototype.listen = function probedListen(this: Server, ...args: unknown[]) {
  flushFixtureReads();
  mark('listen', { port: portOf(args) });
  return listen.apply(this, args);
} as Server['listen'];

const scrypt = crypto.scrypt as (...args: unknown[]) => void;
crypto.scrypt = function probedScrypt(...args: unknown[]) {
  const start = now();
  const callback = args[args.length - 1];
  if (typeof callback === 'function') {
    args[args.length - 1] = (...answer: unknown[]) => {
      mark('scrypt', { ms: now() - start }, start);
      (callback as (...a: unknown[]) => void)(...answer);
    };
  }
  scrypt(...args);
};

syncBuiltinESMExports();
