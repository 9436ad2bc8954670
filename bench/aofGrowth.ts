import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The size of every file under a Redis data folder at one moment. */
export interface AofMark {
  files: ReadonlyMap<string, number>;
  totalBytes: number;
}

/** What was appended to the AOF between a mark and now. */
export interface AofGrowth {
  /** Growth of the data folder's files together, in bytes. */
  totalBytes: number;
  /** Bytes of the appended commands, by the family `classify` gives each command's first key. */
  byFamily: Record<string, number>;
  /** Commands appended (MULTI and EXEC included). */
  commands: number;
  /** True when a base file appeared or changed: Redis rewrote the AOF meanwhile, and `byFamily` misses what went into the new base. */
  isRewritten: boolean;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : entry.isFile() ? [path] : [];
  });
}

/** The size of every file under `dataDir` now. */
export function markAof(dataDir: string): AofMark {
  const files = new Map<string, number>();
  for (const path of listFiles(dataDir)) files.set(relative(dataDir, path), statSync(path).size);
  return { files, totalBytes: [...files.values()].reduce((sum, size) => sum + size, 0) };
}

/** One RESP command of an AOF: its verb and first argument as text, and its length in the file. */
interface AofCommand {
  args: string[];
  bytes: number;
}

const CRLF = '\r\n';

/** The RESP commands in `buffer` (an AOF's appended part); stops at a command cut off at the end. */
function parseCommands(buffer: Buffer): AofCommand[] {
  const commands: AofCommand[] = [];
  let at = 0;
  const line = (): string | null => {
    const end = buffer.indexOf(CRLF, at);
    if (end < 0) return null;
    const text = buffer.toString('latin1', at, end);
    at = end + 2;
    return text;
  };
  while (at < buffer.length) {
    const start = at;
    const head = line();
    if (head === null) break;
    if (head.startsWith('#')) continue; // an annotation (aof-timestamp-enabled), not a command
    if (!head.startsWith('*')) throw new Error(`AOF: expected a command at byte ${start}, found ${JSON.stringify(head.slice(0, 20))}`);
    const count = Number(head.slice(1));
    const args: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const size = line();
      if (size === null || !size.startsWith('$')) return commands;
      const length = Number(size.slice(1));
      if (at + length + 2 > buffer.length) return commands;
      if (i < 2) args.push(buffer.toString('latin1', at, at + length)); // the verb and the first key are all that is read
      at += length + 2;
    }
    commands.push({ args, bytes: at - start });
  }
  return commands;
}

/**
 * Bytes appended to each AOF file since `mark`, parsed into commands and summed by the family of each
 * command's first key. A transaction's MULTI and EXEC (how a script's writes are logged) count with the
 * family of its first command; SELECT counts as `framing`.
 */
export function aofGrowthSince(dataDir: string, mark: AofMark, classify: (key: string) => string): AofGrowth {
  const now = markAof(dataDir);
  const byFamily: Record<string, number> = {};
  const add = (family: string, bytes: number): void => {
    byFamily[family] = (byFamily[family] ?? 0) + bytes;
  };
  let commands = 0;
  // A file gone (an old incremental file after a rewrite) or a new or changed base file: Redis rewrote the AOF.
  let isRewritten = [...mark.files.keys()].some((name) => !now.files.has(name));
  for (const [name, size] of now.files) {
    const before = mark.files.get(name);
    if (!name.endsWith('.aof')) {
      if (before !== size && /\.base\./.test(name)) isRewritten = true;
      continue;
    }
    if (before === size) continue;
    const appended = readFileSync(join(dataDir, name)).subarray(before ?? 0);
    let framing = 0;
    let transactionFamily: string | null = null;
    let isInTransaction = false;
    for (const command of parseCommands(appended)) {
      commands += 1;
      const verb = command.args[0]?.toUpperCase() ?? '';
      if (verb === 'MULTI') {
        isInTransaction = true;
        transactionFamily = null;
        framing = command.bytes;
      } else if (verb === 'EXEC') {
        add(transactionFamily ?? 'framing', framing + command.bytes);
        isInTransaction = false;
      } else if (verb === 'SELECT') {
        add('framing', command.bytes);
      } else {
        const family = classify(command.args[1] ?? '');
        if (isInTransaction && transactionFamily === null) transactionFamily = family;
        add(family, command.bytes);
      }
    }
  }
  return { totalBytes: now.totalBytes - mark.totalBytes, byFamily, commands, isRewritten };
}
