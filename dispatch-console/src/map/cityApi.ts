import { CityLayersSchema } from '../../../shared/city/citySchema.ts';
import type { CityLayers } from '../../../shared/city/citySchema.ts';

/** GET /api/city: the layers the map draws, checked against the shared schema. */
export async function fetchCity(signal?: AbortSignal): Promise<CityLayers> {
  const response = await fetch('/api/city', { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /api/city answered ${response.status}`);
  const body: unknown = await response.json();
  // Accept the layers bare or wrapped in the command Result shape.
  const layers = typeof body === 'object' && body !== null && 'ok' in body && 'data' in body ? body.data : body;
  const parsed = CityLayersSchema.safeParse(layers);
  if (!parsed.success) throw new Error(`GET /api/city: unexpected shape (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  return parsed.data;
}
