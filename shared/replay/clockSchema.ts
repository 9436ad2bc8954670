import { z } from 'zod';

/** [RL1] The replay moves a replay server's clock forward to `at` (epoch ms). */
export const ClockSetInputSchema = z.object({
  at: z.number().int().nonnegative().max(8.64e15),
});
export type ClockSetInput = z.infer<typeof ClockSetInputSchema>;

export const ClockAnswerSchema = z.object({
  at: z.number().int(),
});
export type ClockAnswer = z.infer<typeof ClockAnswerSchema>;
