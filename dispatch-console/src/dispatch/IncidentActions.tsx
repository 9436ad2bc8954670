import type { Incident } from '../../../shared/incidents/incidentSchema.ts';
import { HandOffLink } from '../incidents/HandOffLink.tsx';
import { CloseIncidentForm } from './CloseIncidentForm.tsx';
import type { IncidentActionRights } from './incidentActionRights.ts';
import { ReasonForm } from './ReasonForm.tsx';
import { ReleaseUnitForm } from './ReleaseUnitForm.tsx';
import { UpdateTypeForm } from './UpdateTypeForm.tsx';
import type { IncidentActions as Actions } from './useIncidentActions.ts';

interface IncidentActionsProps {
  incident: Incident;
  rights: IncidentActionRights;
  actions: Actions;
}

/**
 * The selected incident's lifecycle steps (close, cancel, send more units, change type or priority) and the form of
 * the one being taken; a unit's release is started from its line among the committed units. Only the steps the
 * server would accept now are offered. [EI5] The hand-off to another centre (the EIDO download) sits with them.
 */
export function IncidentActions({ incident, rights, actions }: IncidentActionsProps) {
  const { form, isSending } = actions;
  const incidentId = incident.id;
  const hasAny = rights.close || rights.cancel || rights.moreUnits || rights.updateType || rights.handOff;
  if (!hasAny && !form) return null;
  const releasing = form?.kind === 'release' ? incident.assignments.find((a) => a.unitId === form.unitId && a.clearedAt === null) : undefined;
  return (
    <div className="incident-actions" data-testid="incident-actions">
      {!form && (
        <div className="action-buttons">
          {rights.moreUnits && (
            <button type="button" className="primary" data-testid="action-more-units" onClick={() => actions.open({ kind: 'more_units' })}>
              Send more units <kbd>M</kbd>
            </button>
          )}
          {rights.close && (
            <button type="button" data-testid="action-close" onClick={() => actions.open({ kind: 'close' })}>
              Close… <kbd>C</kbd>
            </button>
          )}
          {rights.cancel && (
            <button type="button" data-testid="action-cancel" onClick={() => actions.open({ kind: 'cancel' })}>
              Cancel incident <kbd>X</kbd>
            </button>
          )}
          {rights.updateType && (
            <button type="button" data-testid="action-update-type" onClick={() => actions.open({ kind: 'update_type' })}>
              Type / priority <kbd>T</kbd>
            </button>
          )}
          {rights.handOff && <HandOffLink incident={incident} />}
        </div>
      )}
      {form?.kind === 'close' && rights.close && (
        <CloseIncidentForm isSending={isSending} onDismiss={actions.dismiss} onSubmit={(close) => void actions.send('incident:close', { incidentId, ...close })} />
      )}
      {form?.kind === 'cancel' && rights.cancel && (
        <ReasonForm
          testId="cancel"
          label="Why cancel (no unit was sent)"
          submitLabel="Cancel incident"
          isDanger
          isSending={isSending}
          onDismiss={actions.dismiss}
          onSubmit={(reason) => void actions.send('incident:cancel', { incidentId, reason })}
        />
      )}
      {form?.kind === 'more_units' && rights.moreUnits && (
        <ReasonForm
          testId="more-units"
          label="Why more units are needed"
          submitLabel="Reopen for more units"
          isSending={isSending}
          onDismiss={actions.dismiss}
          onSubmit={(reason) => void actions.send('incident:reopen', { incidentId, reason })}
        />
      )}
      {form?.kind === 'update_type' && rights.updateType && (
        <UpdateTypeForm incident={incident} isSending={isSending} onDismiss={actions.dismiss} onSubmit={(change) => void actions.send('incident:update_type', { incidentId, ...change })} />
      )}
      {form?.kind === 'release' && releasing && rights.releasable.has(releasing.unitId) && (
        <ReleaseUnitForm
          callSign={releasing.callSign}
          isSending={isSending}
          onDismiss={actions.dismiss}
          onSubmit={(release) => void actions.send('dispatch:release', { incidentId, unitId: releasing.unitId, ...release })}
        />
      )}
      {form?.kind === 'divert' && (
        <ReasonForm
          key={form.unitId}
          testId="divert"
          label={`Why take ${form.callSign} off ${form.fromReference}`}
          submitLabel={`Divert ${form.callSign}`}
          initialReason={`More urgent: ${incident.priority.toUpperCase()} ${incident.reference}`}
          isSending={isSending}
          onDismiss={actions.dismiss}
          onSubmit={(reason) => void actions.send('dispatch:divert', { unitId: form.unitId, fromIncidentId: form.fromIncidentId, toIncidentId: incidentId, reason })}
        />
      )}
      {actions.error && (
        <p className="error-text" data-testid="action-error">
          {actions.error}
        </p>
      )}
    </div>
  );
}
