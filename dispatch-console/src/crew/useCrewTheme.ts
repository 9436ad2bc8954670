import { useCallback, useState } from 'react';

const KEY = 'ec.crewTheme';

/** Dark by default; a bright theme for direct sunlight, remembered on the device. */
export function useCrewTheme(): { isLight: boolean; toggle: () => void } {
  const [isLight, setLight] = useState(() => {
    try {
      return localStorage.getItem(KEY) === 'light';
    } catch {
      return false;
    }
  });
  const toggle = useCallback(() => {
    setLight((current) => {
      const next = !current;
      try {
        localStorage.setItem(KEY, next ? 'light' : 'dark');
      } catch {
        // Private mode: the choice lasts for this page only.
      }
      return next;
    });
  }, []);
  return { isLight, toggle };
}
