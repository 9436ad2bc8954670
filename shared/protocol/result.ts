import type { CommandError, ErrorCode } from '../errors/errorCodes.ts';

/** [CM2] The one answer shape of every command, over the socket and over HTTP. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: CommandError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(code: ErrorCode, message: string, extra: Omit<CommandError, 'code' | 'message'> = {}): Result<T> {
  return { ok: false, error: { code, message, ...extra } };
}
