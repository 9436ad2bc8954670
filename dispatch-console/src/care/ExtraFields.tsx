import type { KeyboardEvent } from 'react';
import type { CareService } from '../../../shared/tickets/careServiceSchema.ts';
import { extraProblem } from './ticketDraft.ts';

interface ExtraFieldsProps {
  service: CareService;
  values: Readonly<Record<string, string>>;
  /** After a create was refused: an empty required field is named too, not only a value out of form. */
  isFinal: boolean;
  onChange: (values: Record<string, string>) => void;
  /** Enter in the last field. */
  onDone: () => void;
}

/**
 * [CS3] The service's own fields (meter number and reading, account number, stand number), each checked for form
 * as it is typed, with the field's hint; an account number read out in groups is accepted with its spaces and sent
 * without them. Enter goes on to the next field.
 */
export function ExtraFields({ service, values, isFinal, onChange, onDone }: ExtraFieldsProps) {
  if (service.extraFields.length === 0) return null;

  function handleKeyDown(index: number) {
    return (event: KeyboardEvent<HTMLInputElement>) => {
      if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      const next = service.extraFields[index + 1];
      if (next) document.querySelector<HTMLElement>(`[data-field="extra-${next.key}"]`)?.focus();
      else onDone();
    };
  }

  return (
    <fieldset className="care-extra" data-testid="care-extra">
      <legend>{service.name}: what the department needs</legend>
      {service.extraFields.map((field, index) => {
        const value = values[field.key] ?? '';
        const problem = extraProblem(field, value, isFinal);
        return (
          <label className="field" key={field.key}>
            <span className="field-label">
              <span>
                {field.label}
                {field.isRequired ? '' : ' (optional)'}
              </span>
              {field.hint && <span className="muted small">{field.hint}</span>}
            </span>
            <input
              data-field={`extra-${field.key}`}
              data-testid={`care-extra-${field.key}`}
              autoComplete="off"
              spellCheck={false}
              value={value}
              aria-invalid={problem !== null}
              onChange={(e) => onChange({ ...values, [field.key]: e.target.value })}
              onKeyDown={handleKeyDown(index)}
            />
            {problem && (
              <span className="field-problem" data-testid={`care-extra-problem-${field.key}`}>
                {problem}
              </span>
            )}
          </label>
        );
      })}
    </fieldset>
  );
}
