import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { ownsKeys } from '../calls/focusField.ts';

interface ReferenceSearchProps {
  onSearch: (reference: string) => void;
  onClose: () => void;
  /** What the box finds, in its placeholder and for screen readers (the ticket desk finds tickets). */
  placeholder?: string;
  label?: string;
}

/** The reference box in the header: `/` or Ctrl+F focuses it; spoken forms like "ec 261126 0001 5" are accepted. */
export function ReferenceSearch({ onSearch, onClose, placeholder = 'Find EC-… or 0001', label = 'Find an incident by reference' }: ReferenceSearchProps) {
  const [text, setText] = useState('');
  const inputRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    function handleWindowKey(event: globalThis.KeyboardEvent) {
      const isFind = event.ctrlKey && !event.altKey && event.key.toLowerCase() === 'f';
      const isSlash = event.key === '/' && !event.ctrlKey && !event.altKey && !ownsKeys(event.target);
      if (!isFind && !isSlash) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    }
    window.addEventListener('keydown', handleWindowKey);
    return () => window.removeEventListener('keydown', handleWindowKey);
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' && text.trim() !== '') {
      event.preventDefault();
      onSearch(text.trim());
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setText('');
      onClose();
      inputRef.current?.blur();
    }
  }

  return (
    <label className="reference-search">
      <input
        ref={inputRef}
        data-testid="reference-search"
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={handleKeyDown}
        aria-label={label}
      />
      <kbd>/</kbd>
    </label>
  );
}
