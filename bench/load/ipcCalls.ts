import { fork, type ChildProcess } from 'node:child_process';

/**
 * A child process driven by typed request/reply calls over Node's IPC channel. `Calls` maps each call's name to
 * its request and reply types; both sides are written against the same map, so a message is typed at both ends
 * (the channel itself carries structured clones: `serialization: 'advanced'` keeps NaN, Maps and the like).
 */
export type CallMap = Record<string, { request: unknown; reply: unknown }>;

/** A request as it travels to the child. */
export type CallMessage<Calls extends CallMap> = { [K in keyof Calls]: { id: number; kind: K; body: Calls[K]['request'] } }[keyof Calls];

/** The child's answer to request `id`. */
export type ReplyMessage = { id: number; ok: true; body: unknown } | { id: number; ok: false; message: string };

/** A one-way note from the child (progress lines, a ready signal), not tied to a request. */
export interface NoteMessage {
  note: string;
}

export type CallHandlers<Calls extends CallMap> = { [K in keyof Calls]: (body: Calls[K]['request']) => Promise<Calls[K]['reply']> };

export interface CallChild<Calls extends CallMap> {
  child: ChildProcess;
  call<K extends keyof Calls & string>(kind: K, body: Calls[K]['request']): Promise<Calls[K]['reply']>;
  /** Resolves with the child's exit code once it has exited. */
  exited: Promise<number | null>;
}

/** Forks `file` under tsx with `execArgv` added (e.g. `--cpu-prof`), and `env` over this process's environment. */
export function forkCallChild<Calls extends CallMap>(file: string, options: { execArgv?: string[]; env?: Record<string, string>; onNote?: (note: string) => void } = {}): CallChild<Calls> {
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? [])],
    env: { ...process.env, ...options.env },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { done: (body: unknown) => void; fail: (error: Error) => void }>();
  let nextId = 1;
  const exited = new Promise<number | null>((done) => {
    child.once('exit', (code) => {
      for (const waiting of pending.values()) waiting.fail(new Error(`${file} exited (code ${code}) before answering`));
      pending.clear();
      done(code);
    });
  });
  child.on('message', (raw: unknown) => {
    const message = raw as ReplyMessage | NoteMessage;
    if ('note' in message) {
      options.onNote?.(message.note);
      return;
    }
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.ok) waiting.done(message.body);
    else waiting.fail(new Error(`${file}: ${message.message}`));
  });
  return {
    child,
    exited,
    call<K extends keyof Calls & string>(kind: K, body: Calls[K]['request']): Promise<Calls[K]['reply']> {
      const id = nextId;
      nextId += 1;
      return new Promise<Calls[K]['reply']>((done, fail) => {
        pending.set(id, { done: (reply) => done(reply), fail });
        child.send({ id, kind, body });
      });
    },
  };
}

/** In the child: answers each request with its handler (one at a time per kind is up to the caller). */
export function serveCalls<Calls extends CallMap>(handlers: CallHandlers<Calls>): void {
  const send = (message: ReplyMessage | NoteMessage): void => {
    process.send?.(message);
  };
  process.on('message', (raw: unknown) => {
    const message = raw as CallMessage<Calls>;
    const handler = handlers[message.kind];
    handler(message.body).then(
      (body) => send({ id: message.id, ok: true, body }),
      (error: unknown) => send({ id: message.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  // The parent going away ends the child (a benchmark interrupted leaves nothing running).
  process.on('disconnect', () => process.exit(0));
}

/** In the child: a one-way note to the parent. */
export function noteToParent(note: string): void {
  process.send?.({ note });
}
