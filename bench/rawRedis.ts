import { connect, type Socket } from 'node:net';

/**
 * A bare RESP connection for bulk writes: commands are encoded straight into one buffer and written at once, and only
 * one-line replies (`+OK`, `:n`) are accepted — what HSET, SADD and GEOADD answer. A client library's per-command
 * objects and promises cost far more than Redis's own work at a million commands; this costs a string per argument.
 */
export interface RawRedis {
  /** Sends `commands` in one write; resolves once every reply has come, rejects on the first error reply. */
  send(commands: readonly (readonly string[])[]): Promise<void>;
  close(): void;
}

interface Batch {
  remaining: number;
  error: string | null;
  done: () => void;
  fail: (error: Error) => void;
}

function encode(commands: readonly (readonly string[])[]): string {
  const parts: string[] = [];
  for (const command of commands) {
    parts.push(`*${command.length}\r\n`);
    for (const arg of command) parts.push(`$${Buffer.byteLength(arg)}\r\n${arg}\r\n`);
  }
  return parts.join('');
}

export function connectRawRedis(url: string): Promise<RawRedis> {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect({ host: hostname, port: Number(port || 6379) });
  socket.setNoDelay(true);
  const batches: Batch[] = [];
  let partial = '';
  let broken: Error | null = null;

  const settle = (): void => {
    for (let head = batches[0]; head && head.remaining === 0; head = batches[0]) {
      batches.shift();
      if (head.error === null) head.done();
      else head.fail(new Error(`Redis refused a bulk write: ${head.error}`));
    }
  };
  socket.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('latin1');
    let start = 0;
    for (let end = text.indexOf('\r\n', start); end !== -1; end = text.indexOf('\r\n', start)) {
      const line = text.slice(start, end);
      start = end + 2;
      const batch = batches.find((b) => b.remaining > 0);
      if (!batch) continue;
      batch.remaining -= 1;
      if (line.startsWith('-')) batch.error ??= line.slice(1);
      else if (!line.startsWith(':') && !line.startsWith('+')) batch.error ??= `unexpected reply ${line.slice(0, 40)}`;
    }
    partial = text.slice(start);
    settle();
  });
  const breakAll = (error: Error): void => {
    broken = error;
    for (const batch of batches.splice(0)) batch.fail(error);
  };
  socket.on('error', breakAll);
  socket.on('close', () => breakAll(new Error('Redis connection closed')));

  return new Promise((ready, refuse) => {
    socket.once('error', refuse);
    socket.once('connect', () => {
      socket.off('error', refuse);
      ready({
        send(commands) {
          if (broken) return Promise.reject(broken);
          if (commands.length === 0) return Promise.resolve();
          return new Promise<void>((done, fail) => {
            batches.push({ remaining: commands.length, error: null, done, fail });
            socket.write(encode(commands));
          });
        },
        close() {
          socket.removeAllListeners('close');
          socket.destroy();
        },
      });
    });
  });
}
