import { Redis } from 'ioredis';

const BARRIER = 'fuzz:write-watch:barrier';
const KEYSPACE = '__keyspace@0__:';

/**
 * Learns which keys of a tag were written, from Redis keyspace notifications. `settle()` writes a
 * barrier key and waits for its notification: Redis publishes notifications in the order it runs
 * the writes, so once the barrier's arrives, every earlier write's has too.
 */
export class WriteWatch {
  private readonly touched = new Set<string>();
  private barriersSeen = 0;
  private barriersSent = 0;
  private readonly waiters: { count: number; resolve: () => void }[] = [];

  private constructor(
    private readonly writer: Redis,
    private readonly subscriber: Redis,
  ) {}

  static async start(url: string, tag: string): Promise<WriteWatch> {
    const writer = new Redis(url);
    const subscriber = new Redis(url);
    await writer.config('SET', 'notify-keyspace-events', 'KA');
    const watch = new WriteWatch(writer, subscriber);
    subscriber.on('pmessage', (_pattern: string, channel: string) => watch.heard(channel.slice(KEYSPACE.length)));
    await subscriber.psubscribe(`${KEYSPACE}cad:{${tag}}:*`, `${KEYSPACE}${BARRIER}`);
    return watch;
  }

  private heard(key: string): void {
    if (key !== BARRIER) {
      this.touched.add(key);
      return;
    }
    this.barriersSeen += 1;
    for (const waiter of this.waiters.filter((w) => w.count <= this.barriersSeen)) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  }

  /** Every key written since the last call. */
  async settle(timeoutMs = 10_000): Promise<string[]> {
    this.barriersSent += 1;
    const count = this.barriersSent;
    const arrived = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no keyspace notification for the barrier within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
    await this.writer.incr(BARRIER);
    await arrived;
    const keys = [...this.touched];
    this.touched.clear();
    return keys;
  }

  close(): void {
    this.subscriber.disconnect();
    this.writer.disconnect();
  }
}
