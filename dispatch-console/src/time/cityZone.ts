import { createContext, useContext } from 'react';

/**
 * [OP2] The browser's own zone, for the moment before the city's layers have answered: a console is normally used
 * in its city, so its dates are right at once, and they follow the city's zone as soon as it is known.
 */
export const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * [OP2] The city's IANA time zone (GET /api/city `timeZone`), given once above the screens: every date, hour and
 * date field of the console reads it, whatever zone the browser is set to.
 */
export const CityZoneContext = createContext<string>(BROWSER_ZONE);

export function useCityZone(): string {
  return useContext(CityZoneContext);
}
