import { useEffect, useMemo, useState } from 'react';
import type { ChangeEvent, FocusEvent, KeyboardEvent } from 'react';

/** How many matches a typeahead lists. */
const SHOWN = 8;

export interface TypeaheadOptions<T> {
  /** What is chosen now (null: nothing yet). */
  chosen: T | null;
  /** The words the box shows for an item. */
  labelOf: (item: T) => string;
  /** The items matching what is typed, best first. */
  search: (typed: string) => readonly T[];
  onChoose: (item: T) => void;
  /** Whether an empty box is a search too (a list short enough to browse): Enter then takes its first item. */
  isEmptySearchable?: boolean;
}

export interface Typeahead<T> {
  query: string;
  /** The matches listed under the box (while searching and focused). */
  matches: readonly T[];
  highlight: number;
  isSearching: boolean;
  isFocused: boolean;
  choose: (item: T) => void;
  /** Spread on the input. */
  inputProps: {
    value: string;
    onFocus: (event: FocusEvent<HTMLInputElement>) => void;
    onBlur: () => void;
    onChange: (event: ChangeEvent<HTMLInputElement>) => void;
    onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  };
}

/**
 * [IC12][CS1] Type-to-filter with the keyboard: ↑/↓ move through the matches, Enter takes the highlighted one (or
 * keeps what was chosen); the box shows the chosen item's words again when the choice changes from outside.
 */
export function useTypeahead<T>({ chosen, labelOf, search, onChoose, isEmptySearchable = false }: TypeaheadOptions<T>): Typeahead<T> {
  const chosenLabel = chosen === null ? '' : labelOf(chosen);
  const [query, setQuery] = useState(chosenLabel);
  const [isSearching, setSearching] = useState(chosen === null);
  const [highlight, setHighlight] = useState(0);
  const [isFocused, setFocused] = useState(false);
  const matches = useMemo(() => (isSearching && isFocused ? search(query).slice(0, SHOWN) : []), [isSearching, isFocused, search, query]);

  useEffect(() => {
    setQuery(chosenLabel);
    setSearching(chosen === null);
  }, [chosen, chosenLabel]);

  function choose(item: T) {
    setQuery(labelOf(item));
    setSearching(false);
    onChoose(item);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' && matches.length > 0) setHighlight((h) => Math.min(matches.length - 1, h + 1));
    else if (event.key === 'ArrowUp' && matches.length > 0) setHighlight((h) => Math.max(0, h - 1));
    else if (event.key === 'Enter' && !event.ctrlKey) {
      // Read what is in the box now, not the last rendered list: a fast typist's Enter can arrive
      // before the list for the last keystroke has been drawn.
      const typed = event.currentTarget.value;
      const isTyped = typed !== chosenLabel && (isEmptySearchable || typed.trim() !== '');
      const current = isTyped || (isEmptySearchable && chosen === null) ? search(typed).slice(0, SHOWN) : [];
      const item = current[Math.min(highlight, current.length - 1)];
      if (item !== undefined) choose(item);
      else if (chosen !== null) onChoose(chosen);
    } else return;
    event.preventDefault();
  }

  return {
    query,
    matches,
    highlight,
    isSearching,
    isFocused,
    choose,
    inputProps: {
      value: query,
      onFocus: (event) => {
        setFocused(true);
        event.target.select();
      },
      onBlur: () => setFocused(false),
      onChange: (event) => {
        setQuery(event.target.value);
        setSearching(true);
        setHighlight(0);
      },
      onKeyDown,
    },
  };
}
