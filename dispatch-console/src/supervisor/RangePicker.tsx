import { useState } from 'react';
import type { FormEvent } from 'react';
import { calendarDay, zoneAbbreviation } from '../../../shared/time/zonedTime.ts';
import { reportRange } from './reportRange.ts';
import type { RangeChoice, ReportRange } from './reportRange.ts';
import { useCityZone } from '../time/cityZone.ts';

interface RangePickerProps {
  choice: RangeChoice['kind'];
  /** The range chosen (the one being read or shown): the date fields show its first and last day. */
  range: ReportRange | null;
  onChoose: (choice: RangeChoice, range: ReportRange) => void;
}

/**
 * [SF1] Today, the last 7 days, or any days (both inclusive, the city's days [OP2]). [SF1b] The fields always show the
 * range the figures are for: a preset chosen (or moved past midnight by Refresh) puts its first and last day in
 * them, so they never read as a range other than the one in the heading; an edit stays a draft until "Show these
 * days". The picker is unmounted while the tab is hidden: the fields come back from the range, not from a default.
 */
export function RangePicker({ choice, range, onChoose }: RangePickerProps) {
  const timeZone = useCityZone();
  const today = calendarDay(Date.now(), timeZone);
  const chosenFrom = range?.fromDay ?? today;
  const chosenTo = range?.toDay ?? today;
  const [fromDay, setFromDay] = useState(chosenFrom);
  const [toDay, setToDay] = useState(chosenTo);
  const [problem, setProblem] = useState<string | null>(null);
  // Drafts follow a newly chosen range, set while rendering (React's pattern for state derived from a changed prop).
  const [fieldsFor, setFieldsFor] = useState(`${chosenFrom}/${chosenTo}`);
  if (fieldsFor !== `${chosenFrom}/${chosenTo}`) {
    setFieldsFor(`${chosenFrom}/${chosenTo}`);
    setFromDay(chosenFrom);
    setToDay(chosenTo);
  }

  function choose(next: RangeChoice) {
    const result = reportRange(next, Date.now(), timeZone);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    // Also when the preset chosen is the range already shown: an unsent edit must not stay in the fields.
    setFromDay(result.range.fromDay);
    setToDay(result.range.toDay);
    onChoose(next, result.range);
  }

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    choose({ kind: 'days', fromDay, toDay });
  }

  return (
    <form className="range-picker" onSubmit={handleSubmit} data-testid="range-picker">
      <span className="range-presets" role="group" aria-label="Range">
        <button type="button" className={choice === 'today' ? 'tab active' : 'tab'} aria-pressed={choice === 'today'} data-testid="range-today" onClick={() => choose({ kind: 'today' })}>
          Today
        </button>
        <button type="button" className={choice === 'last7' ? 'tab active' : 'tab'} aria-pressed={choice === 'last7'} data-testid="range-last7" onClick={() => choose({ kind: 'last7' })}>
          Last 7 days
        </button>
      </span>
      <label className="field day">
        <span>From ({zoneAbbreviation(timeZone, Date.now())})</span>
        <input type="date" data-testid="range-from" value={fromDay} max={today} onChange={(e) => setFromDay(e.target.value)} />
      </label>
      <label className="field day">
        <span>To, inclusive</span>
        <input type="date" data-testid="range-to" value={toDay} max={today} onChange={(e) => setToDay(e.target.value)} />
      </label>
      <button type="submit" className={choice === 'days' ? 'tab active' : 'tab'} data-testid="range-days">
        Show these days
      </button>
      {problem && (
        <span className="error-text" data-testid="range-problem">
          {problem}
        </span>
      )}
    </form>
  );
}
