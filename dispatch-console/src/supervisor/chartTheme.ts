import type { Standing } from './figuresFormat.ts';

/**
 * The board's dark theme for the charts. SVG presentation attributes do not read CSS variables, so the colours of
 * styles.css (`--ok`, `--warn`, `--bad`, `--accent`, `--line`, `--muted`) are repeated here.
 */
export const STANDING_COLOURS: Record<Standing, string> = {
  met: '#35d07f',
  near: '#ffb020',
  missed: '#ff4d4d',
  none: '#4da3ff',
};

export const CHART = {
  grid: '#23313f',
  axis: '#8797a8',
  text: '#dfe7ef',
  target: '#ffe14d',
  p90: '#4da3ff',
  p50: '#9aa5b8',
  tooltipBackground: '#16212c',
} as const;
