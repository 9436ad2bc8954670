import { z } from 'zod';

/**
 * [CM1] Every command carries a client-generated id. A command resent with the same id
 * returns the first answer and changes nothing, so a client may resend after a dropped connection.
 */
export const CommandIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'commandId: 8-64 letters, digits, _ or -');
export type CommandId = z.infer<typeof CommandIdSchema>;
