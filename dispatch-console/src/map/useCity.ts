import { useEffect, useState } from 'react';
import type { CityLayers } from '../../../shared/city/citySchema.ts';
import { fetchCity } from './cityApi.ts';

/**
 * The layers never change while the server runs, and they are about a megabyte: the page reads them once, and the
 * screens and the time zone above them (OP2) share that one answer.
 */
let loaded: CityLayers | null = null;
let loading: Promise<CityLayers> | null = null;

function loadCity(): Promise<CityLayers> {
  loading ??= fetchCity().then(
    (layers) => {
      loaded = layers;
      return layers;
    },
    (e: unknown) => {
      loading = null;
      throw e;
    },
  );
  return loading;
}

/** The city layers, read once for the page, retrying every 3 s until the server answers. */
export function useCity(): { city: CityLayers | null; error: string | null } {
  const [city, setCity] = useState<CityLayers | null>(loaded);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let isGone = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      loadCity().then(
        (layers) => {
          if (isGone) return;
          setCity(layers);
          setError(null);
        },
        (e: unknown) => {
          if (isGone) return;
          setError(e instanceof Error ? e.message : String(e));
          retry = setTimeout(load, 3000);
        },
      );
    };
    load();
    return () => {
      isGone = true;
      if (retry) clearTimeout(retry);
    };
  }, []);

  return { city, error };
}
