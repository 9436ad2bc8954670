import { useEffect, useMemo, useState } from 'react';
import { careCatalogue, type CareCatalogue } from '../../../shared/tickets/careServiceSchema.ts';
import { formatCommandError } from '../realtime/commandErrors.ts';
import { fetchCareServices } from './careApi.ts';

const RETRY_MS = 3000;

export interface CareServicesState {
  catalogue: CareCatalogue | null;
  /** Why the catalogue is not there (yet), in words; null while loading or once loaded. */
  error: string | null;
}

/**
 * [CC1] The city's Care Connect catalogue, loaded once and tried again every 3 s until the server answers. A city
 * without the line answers `care_not_offered`, which is final: it is shown, not retried.
 */
export function useCareServices(): CareServicesState {
  const [state, setState] = useState<{ file: Parameters<typeof careCatalogue>[0] | null; error: string | null }>({ file: null, error: null });

  useEffect(() => {
    let isCurrent = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () => {
      void fetchCareServices().then((answer) => {
        if (!isCurrent) return;
        if (answer.ok) {
          setState({ file: answer.data, error: null });
          return;
        }
        setState({ file: null, error: formatCommandError(answer.error) });
        if (answer.error.code !== 'care_not_offered') retry = setTimeout(load, RETRY_MS);
      });
    };
    load();
    return () => {
      isCurrent = false;
      if (retry) clearTimeout(retry);
    };
  }, []);

  const catalogue = useMemo(() => (state.file ? careCatalogue(state.file) : null), [state.file]);
  return { catalogue, error: state.error };
}
