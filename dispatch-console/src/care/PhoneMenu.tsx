import type { KeyboardEvent } from 'react';
import type { PhoneMenuOption } from '../../../shared/tickets/careServiceSchema.ts';
import { menuOptionOf } from './serviceSearch.ts';

interface PhoneMenuProps {
  menu: readonly PhoneMenuOption[];
  /** The option chosen, or null: every service. */
  digit: string | null;
  onChoose: (digit: string | null) => void;
}

/**
 * [CS1] The phone menu option the caller pressed before reaching the agent, first: its digit chooses the group of
 * services the search starts in (an option-3 caller starts in Joburg Water's services); * or Backspace searches
 * every service.
 */
export function PhoneMenu({ menu, digit, onChoose }: PhoneMenuProps) {
  function handleKeys(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.altKey || event.metaKey) return;
    const option = menuOptionOf(menu, event.key);
    if (option) onChoose(option.digit);
    else if (event.key === '*' || event.key === 'Backspace') onChoose(null);
    else if (event.key === 'Enter') onChoose(digit);
    else return;
    event.preventDefault();
    event.stopPropagation();
  }

  return (
    <div className="field">
      <span className="field-label">
        <span>1 · Menu option the caller chose</span>
        <span className="muted small">
          <kbd>1</kbd>–<kbd>6</kbd>, <kbd>0</kbd> · <kbd>*</kbd> all services
        </span>
      </span>
      <div className="care-menu" tabIndex={0} role="radiogroup" aria-label="Phone menu option" data-field="menu" data-own-keys="" data-testid="care-menu" onKeyDown={handleKeys}>
        {menu.map((option) => (
          <button
            type="button"
            key={option.digit}
            role="radio"
            aria-checked={option.digit === digit}
            tabIndex={-1}
            className={option.digit === digit ? 'care-menu-option chosen' : 'care-menu-option'}
            data-testid={`care-menu-${option.digit}`}
            onClick={() => onChoose(option.digit)}
          >
            <kbd>{option.digit}</kbd> {option.label}
          </button>
        ))}
        <button type="button" role="radio" aria-checked={digit === null} tabIndex={-1} className={digit === null ? 'care-menu-option chosen' : 'care-menu-option'} data-testid="care-menu-all" onClick={() => onChoose(null)}>
          <kbd>*</kbd> All services
        </button>
      </div>
    </div>
  );
}
