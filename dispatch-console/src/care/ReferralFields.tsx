import type { KeyboardEvent } from 'react';
import type { CareService } from '../../../shared/tickets/careServiceSchema.ts';
import { ExtraFields } from './ExtraFields.tsx';
import { ServicePicker } from './ServicePicker.tsx';
import { useCareServices } from './useCareServices.ts';

/** What the call-taker has chosen so far for the referral. */
export interface ReferralChoice {
  service: CareService | null;
  extra: Record<string, string>;
  description: string;
}

interface ReferralFieldsProps {
  choice: ReferralChoice;
  onChange: (choice: ReferralChoice) => void;
  /** Enter in the description: on to the disposition's notes. */
  onDone: () => void;
}

/**
 * [CS11] "Non-emergency (referred to Care Connect)": the Care Connect service the caller needs (searched across
 * every service), its own fields, and what to tell the department; closing the call creates the ticket with the
 * caller's details, and its reference is read out. With no service chosen the call closes without a ticket.
 */
export function ReferralFields({ choice, onChange, onDone }: ReferralFieldsProps) {
  const { catalogue, error } = useCareServices();
  if (!catalogue) {
    return <p className="muted small">{error ?? 'Loading the Care Connect services…'}</p>;
  }

  function handleDescriptionKeys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || event.ctrlKey || event.altKey || event.metaKey) return;
    event.preventDefault();
    onDone();
  }

  return (
    <div className="referral" data-testid="referral">
      <ServicePicker
        catalogue={catalogue}
        group={null}
        groupLabel={null}
        heading="Care Connect service the caller needs"
        autoFocus
        service={choice.service}
        onChoose={(service) => {
          onChange({ ...choice, service, extra: service.code === choice.service?.code ? choice.extra : {} });
          setTimeout(() => document.querySelector<HTMLElement>(service.extraFields.length > 0 ? '[data-field^="extra-"]' : '[data-field="referral-description"]')?.focus(), 0);
        }}
      />
      {choice.service && <ExtraFields service={choice.service} values={choice.extra} isFinal={false} onChange={(extra) => onChange({ ...choice, extra })} onDone={() => document.querySelector<HTMLElement>('[data-field="referral-description"]')?.focus()} />}
      <label className="field">
        <span>What the caller reports, for the department</span>
        <input data-field="referral-description" data-testid="referral-description" autoComplete="off" value={choice.description} placeholder="e.g. no water in the street since this morning" onChange={(e) => onChange({ ...choice, description: e.target.value })} onKeyDown={handleDescriptionKeys} />
      </label>
      <p className="muted small" data-testid="referral-line">
        {choice.service
          ? `Closing the call logs a ${choice.service.name} ticket with the caller's name, number and place; read its reference to the caller.`
          : `No service chosen: the call closes without a ticket. Give the caller ${catalogue.file.line.name}'s number, ${catalogue.file.line.phone}.`}
      </p>
    </div>
  );
}
