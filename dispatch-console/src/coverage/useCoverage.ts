import { useEffect, useState } from 'react';
import type { Coverage } from '../../../shared/coverage/coverageSchema.ts';
import type { LiveConnection } from '../realtime/useLiveConnection.ts';

/**
 * [CV5] The city's coverage, live: read with `coverage:read` each time the socket connects (a reconnect may have
 * missed pushes), then replaced by every `coverage:updated` the server pushes. Null until the first answer, or when
 * `enabled` is false (a role that may not read it).
 */
export function useCoverage(live: Pick<LiveConnection, 'socket' | 'commands' | 'status'>, enabled: boolean): Coverage | null {
  const { socket, commands, status } = live;
  const [coverage, setCoverage] = useState<Coverage | null>(null);

  useEffect(() => {
    if (!enabled) return;
    // Instances compute on their own clocks: the newest computation wins, an older answer arriving late does not.
    const take = (next: Coverage) => setCoverage((current) => (current && current.computedAt > next.computedAt ? current : next));
    socket.on('coverage:updated', take);
    return () => {
      socket.off('coverage:updated', take);
    };
  }, [socket, enabled]);

  useEffect(() => {
    if (!enabled || status !== 'connected') return;
    let isCurrent = true;
    void commands.request('coverage:read', {}).then((answer) => {
      if (isCurrent && answer.ok) setCoverage((current) => (current && current.computedAt > answer.data.computedAt ? current : answer.data));
    });
    return () => {
      isCurrent = false;
    };
  }, [commands, status, enabled]);

  return enabled ? coverage : null;
}
