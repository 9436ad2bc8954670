import { describe, expect, it } from 'vitest';
import { ConnectionAdmission, CONNECTIONS_PER_TURN } from '../../server/realtime/connectionAdmission.ts';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('[OPS12] new sockets are set up a few per turn of the event loop', () => {
  it('admits at most CONNECTIONS_PER_TURN a turn, in the order asked, and every one in the end', async () => {
    const admission = new ConnectionAdmission();
    const admitted: number[] = [];
    const asked = Array.from({ length: 2 * CONNECTIONS_PER_TURN + 3 }, (_, i) => admission.turn().then(() => admitted.push(i)));
    expect(admitted).toEqual([]);
    const perTurn: number[] = [];
    while (admitted.length < asked.length) {
      const before = admitted.length;
      await nextTurn();
      perTurn.push(admitted.length - before);
    }
    await Promise.all(asked);
    expect(admitted).toEqual([...admitted].sort((a, b) => a - b));
    expect(Math.max(...perTurn)).toBeLessThanOrEqual(CONNECTIONS_PER_TURN);
    expect(perTurn.filter((count) => count > 0).length).toBeGreaterThanOrEqual(3);
  });

});
