import { useEffect, useState } from 'react';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import { fetchCity } from './cityApi.ts';

/** Loads the city layers once, retrying every 3 s until the server answers. */
export function useCity(): { city: CityLayers | null; error: string | null } {
  const [city, setCity] = useState<CityLayers | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      fetchCity(abort.signal).then(
        (layers) => {
          setCity(layers);
          setError(null);
        },
        (e: unknown) => {
          if (abort.signal.aborted) return;
          setError(e instanceof Error ? e.message : String(e));
          retry = setTimeout(load, 3000);
        },
      );
    };
    load();
    return () => {
      abort.abort();
      if (retry) clearTimeout(retry);
    };
  }, []);

  return { city, error };
}
