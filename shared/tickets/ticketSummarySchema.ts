import { z } from 'zod';
import { DepartmentCodeSchema } from './careServiceSchema.ts';

/** [CS9] The supervisor's view of Care Connect: how many days of closed tickets the share is taken over. */
export const TicketSummaryInputSchema = z.object({ closedDays: z.number().int().min(1).max(90).default(30) });
export type TicketSummaryInput = z.infer<typeof TicketSummaryInputSchema>;

/** [CS9] One department's line on the supervisor's board. */
export const DepartmentSummarySchema = z.object({
  department: DepartmentCodeSchema,
  name: z.string(),
  open: z.number().int().nonnegative(),
  /** Open tickets past their expected date. */
  overdue: z.number().int().nonnegative(),
  /** Tickets resolved (closed fixed, not the city's, or referred) in the last `closedDays` days. */
  closed: z.number().int().nonnegative(),
  /** Of those, the ones closed by their expected date. */
  closedInTime: z.number().int().nonnegative(),
});
export type DepartmentSummary = z.infer<typeof DepartmentSummarySchema>;

export const TicketSummarySchema = z.object({
  at: z.number().int(),
  closedDays: z.number().int(),
  departments: z.array(DepartmentSummarySchema),
});
export type TicketSummary = z.infer<typeof TicketSummarySchema>;

/** [CS9] The share of resolved tickets closed in time, 0-1, or null when none was resolved. Pure. */
export function closedInTimeShare(summary: Pick<DepartmentSummary, 'closed' | 'closedInTime'>): number | null {
  return summary.closed === 0 ? null : summary.closedInTime / summary.closed;
}
