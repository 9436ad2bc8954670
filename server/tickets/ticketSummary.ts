import { ok } from '../../shared/protocol/result.ts';
import { isTicketClosed, type TicketStatus } from '../../shared/tickets/ticketSchema.ts';
import type { DepartmentSummary, TicketSummary, TicketSummaryInput } from '../../shared/tickets/ticketSummarySchema.ts';
import type { CadContext } from '../app/cadContext.ts';
import { refusal, type CommandOutcome } from '../commands/commandOutcome.ts';
import { readTickets } from './readTicket.ts';

const DAY_MS = 86_400_000;
/** A ticket closed in the window may have been logged this long before it (the longest expected times are a month). */
const LOGGED_BEFORE_WINDOW_MS = 31 * DAY_MS;
/** At most this many recent tickets are read for the closed share, newest first. */
export const MAX_SUMMARY_TICKETS = 20_000;

/** A duplicate's work is carried by the other ticket, so closing one says nothing about how fast the city works. */
const isResolved = (status: TicketStatus): boolean => isTicketClosed(status) && status !== 'closed_duplicate';

/**
 * [CS9] Care Connect by department for the supervisor's board: open tickets and how many of them are overdue (from
 * each department's open queue, scored by expected date: two counts per department, no document read), and of the
 * tickets resolved in the last `closedDays` days, how many were closed by their expected date.
 */
export async function ticketSummary(ctx: CadContext, input: TicketSummaryInput): Promise<CommandOutcome<TicketSummary>> {
  const catalogue = ctx.city.care;
  if (!catalogue) return refusal('care_not_offered', `${ctx.city.data.name} runs no Care Connect line`);
  const now = ctx.now();
  const departments = catalogue.file.departments;
  const counts = ctx.redis.pipeline();
  for (const department of departments) {
    counts.zcard(ctx.keys.openTickets(department.code));
    counts.zcount(ctx.keys.openTickets(department.code), '-inf', `(${now}`);
  }
  const replies = (await counts.exec()) ?? [];
  const countAt = (index: number): number => {
    const reply = replies[index];
    return reply && reply[0] === null && typeof reply[1] === 'number' ? reply[1] : 0;
  };
  const since = now - input.closedDays * DAY_MS;
  const recentIds = await ctx.redis.zrange(ctx.keys.ticketsCreated, '+inf', String(since - LOGGED_BEFORE_WINDOW_MS), 'BYSCORE', 'REV', 'LIMIT', 0, MAX_SUMMARY_TICKETS);
  const closed = new Map<string, { closed: number; closedInTime: number }>();
  for (const ticket of await readTickets(ctx, recentIds)) {
    if (!isResolved(ticket.status) || ticket.closedAt === null || ticket.closedAt < since) continue;
    const line = closed.get(ticket.department) ?? { closed: 0, closedInTime: 0 };
    line.closed += 1;
    if (ticket.closedAt <= ticket.expectedBy) line.closedInTime += 1;
    closed.set(ticket.department, line);
  }
  const lines: DepartmentSummary[] = departments.map((department, i) => ({
    department: department.code,
    name: department.name,
    open: countAt(2 * i),
    overdue: countAt(2 * i + 1),
    closed: closed.get(department.code)?.closed ?? 0,
    closedInTime: closed.get(department.code)?.closedInTime ?? 0,
  }));
  return { result: ok({ at: now, closedDays: input.closedDays, departments: lines }) };
}
