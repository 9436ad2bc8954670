import { useState } from 'react';
import type { FormEvent } from 'react';
import { addDays, johannesburgDay, reportRange } from './reportRange.ts';
import type { RangeChoice, ReportRange } from './reportRange.ts';

interface RangePickerProps {
  choice: RangeChoice['kind'];
  onChoose: (choice: RangeChoice, range: ReportRange) => void;
}

/** [SF1] Today, the last 7 days, or any days (both inclusive, Johannesburg days). */
export function RangePicker({ choice, onChoose }: RangePickerProps) {
  const today = johannesburgDay(Date.now());
  const [fromDay, setFromDay] = useState(() => addDays(today, -29));
  const [toDay, setToDay] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);

  function choose(next: RangeChoice) {
    const result = reportRange(next, Date.now());
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
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
        <span>From (SAST)</span>
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
