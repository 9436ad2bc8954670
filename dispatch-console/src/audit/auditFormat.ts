import { DESK_LABELS, DeskSchema, ROLE_LABELS, RoleSchema } from '../../../shared/auth/roles.ts';
import type { AuditEntry } from '../../../shared/audit/auditSchema.ts';

/** "26 Nov 14:02:11" in the city's zone `timeZone` [OP2]: an audit line needs the second. */
export function formatAuditTime(at: number, timeZone: string): string {
  return new Date(at).toLocaleString('en-ZA', {
    timeZone,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).replace(',', '');
}

/** "Dispatcher · EMS dispatch", "Crew · als-f03", "Call taker", or "—" when nobody was signed in. */
export function actorLabel(entry: Pick<AuditEntry, 'role' | 'desk' | 'unitId'>): string {
  const role = RoleSchema.safeParse(entry.role);
  const desk = DeskSchema.safeParse(entry.desk);
  const parts = [role.success ? ROLE_LABELS[role.data] : (entry.role ?? '—')];
  if (desk.success) parts.push(DESK_LABELS[desk.data]);
  if (entry.unitId) parts.push(entry.unitId);
  return parts.join(' · ');
}

export function isRefusal(entry: Pick<AuditEntry, 'outcome'>): boolean {
  return entry.outcome !== 'ok';
}

/** "Accepted", or "Refused: forbidden". */
export function outcomeLabel(entry: Pick<AuditEntry, 'outcome'>): string {
  return isRefusal(entry) ? `Refused: ${entry.outcome.replace(/_/g, ' ')}` : 'Accepted';
}
