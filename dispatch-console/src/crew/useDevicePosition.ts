import { useEffect, useRef, useState } from 'react';
import type { LngLat } from '../../../shared/geo/position.ts';
import type { CommandClient } from '../realtime/commandClient.ts';
import { newCommandId } from '../realtime/commandClient.ts';
import { shouldSendFix } from './crewFlow.ts';

/** Whether the device's position reaches the control room, in words the crew reads at a glance. */
export type LocationState = 'asking' | 'shared' | 'not_sent' | 'denied' | 'unavailable' | 'unsupported';

export interface DevicePosition {
  state: LocationState;
  /** The device's latest fix, drawn on the crew map. */
  position: LngLat | null;
  /** When the control room last accepted a fix. */
  sentAt: number | null;
}

const MIN_SEND_MS = 5000;
const RETRY_MS = 3000;
const REFRESH_MS = 60_000;

/**
 * Watches the device's position (when the browser allows it) and reports it with `unit:position` at most every 5 s.
 * A fix that cannot be sent (offline) is dropped, not queued: the next fresh one replaces it, and the server keeps the
 * latest fix anyway. [UP1]
 */
export function useDevicePosition(commands: CommandClient, unitId: string): DevicePosition {
  const [state, setState] = useState<LocationState>(() => (typeof navigator !== 'undefined' && 'geolocation' in navigator ? 'asking' : 'unsupported'));
  const [position, setPosition] = useState<LngLat | null>(null);
  const [sentAt, setSentAt] = useState<number | null>(null);
  const latest = useRef<{ position: LngLat; fixAt: number } | null>(null);
  const lastSent = useRef<{ at: number; fixAt: number } | null>(null);
  const inFlight = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!('geolocation' in navigator)) return;
    let stopped = false;

    const trySend = () => {
      const fix = latest.current;
      if (stopped || !fix || inFlight.current) return;
      if (lastSent.current && fix.fixAt <= lastSent.current.fixAt) return;
      const now = Date.now();
      if (!shouldSendFix(lastSent.current?.at ?? null, now, MIN_SEND_MS)) {
        if (timer.current === undefined) {
          timer.current = setTimeout(() => {
            timer.current = undefined;
            trySend();
          }, MIN_SEND_MS - (now - (lastSent.current?.at ?? now)));
        }
        return;
      }
      inFlight.current = true;
      lastSent.current = { at: now, fixAt: fix.fixAt };
      void commands.request('unit:position', { commandId: newCommandId(), unitId, position: fix.position, fixAt: fix.fixAt }).then((answer) => {
        inFlight.current = false;
        if (stopped) return;
        if (answer.ok) {
          setSentAt(Date.now());
          setState('shared');
        } else {
          // Not reached (offline, or not connected yet): try the latest fix again shortly.
          lastSent.current = null;
          setState('not_sent');
          if (timer.current === undefined) {
            timer.current = setTimeout(() => {
              timer.current = undefined;
              trySend();
            }, RETRY_MS);
          }
        }
      });
    };

    const onFix = (fix: GeolocationPosition) => {
      const next: LngLat = [fix.coords.longitude, fix.coords.latitude] as LngLat;
      // The device clock stamps the fix; never later than now (the server refuses fixes from the future).
      const now = Date.now();
      const stamped = Number.isFinite(fix.timestamp) && fix.timestamp > 0 ? Math.round(fix.timestamp) : now;
      latest.current = { position: next, fixAt: Math.min(stamped, now) };
      setPosition(next);
      trySend();
    };
    const onError = (error: GeolocationPositionError) => {
      if (error.code === error.PERMISSION_DENIED) setState('denied');
      else setState((s) => (s === 'shared' ? s : 'unavailable'));
    };
    const options: PositionOptions = { enableHighAccuracy: true, maximumAge: 5000, timeout: 30_000 };
    const watchId = navigator.geolocation.watchPosition(onFix, onError, options);
    // A parked vehicle's device reports no change: ask for a fresh fix now and then so the board's fix stays current.
    const refresh = setInterval(() => navigator.geolocation.getCurrentPosition(onFix, onError, { ...options, maximumAge: 0 }), REFRESH_MS);
    return () => {
      stopped = true;
      clearInterval(refresh);
      navigator.geolocation.clearWatch(watchId);
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [commands, unitId]);

  return { state, position, sentAt };
}
