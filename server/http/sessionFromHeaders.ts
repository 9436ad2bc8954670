import type { Request } from 'express';
import { SessionSchema, type Session } from '../../shared/auth/roles.ts';
import type { Result } from '../../shared/protocol/result.ts';
import { fail, ok } from '../../shared/protocol/result.ts';

/** The HTTP form of the console session: `X-Cad-Role`, `X-Cad-Operator`, `X-Cad-Unit` for a crew, `X-Cad-Agency` for an agency desk. */
export function sessionFromHeaders(request: Request): Result<Session> {
  const unitId = request.header('x-cad-unit');
  const agency = request.header('x-cad-agency');
  const parsed = SessionSchema.safeParse({
    role: request.header('x-cad-role'),
    operatorId: request.header('x-cad-operator'),
    ...(unitId ? { unitId } : {}),
    ...(agency ? { agency } : {}),
  });
  if (parsed.success) return ok(parsed.data);
  return fail('forbidden', `no valid session: send X-Cad-Role and X-Cad-Operator headers (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
}
