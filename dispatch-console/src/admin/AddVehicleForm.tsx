import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Facility } from '../../../shared/city/citySchema.ts';
import type { Result } from '../../../shared/protocol/result.ts';
import { RegisterUnitInputSchema } from '../../../shared/units/fleetCommands.ts';
import { UNIT_KIND_LABELS, UNIT_KINDS, type UnitKind } from '../../../shared/units/unitKinds.ts';
import type { Unit } from '../../../shared/units/unitSchema.ts';
import { BasePicker } from './BasePicker.tsx';
import { addVehicleErrorText, suggestUnitId, typedUnitId, vehicleFieldProblems } from './fleetWords.ts';
import type { VehiclePayload } from './useFleet.ts';

interface AddVehicleFormProps {
  /** The fleet as read, for the suggested id and the units at each base; null until read. */
  units: readonly Unit[] | null;
  facilities: readonly Facility[] | null;
  onAdd: (vehicle: VehiclePayload) => Promise<Result<Unit>>;
  onAdded: (unit: Unit) => void;
}

interface Draft {
  kind: UnitKind;
  /** What was typed; null: the suggested id, which follows the kind and the fleet. */
  unitId: string | null;
  /** What was typed; null: the id in capitals, as the demo fleets' call signs are. */
  callSign: string | null;
  base: Facility | null;
}

const NEW_DRAFT = (kind: UnitKind): Draft => ({ kind, unitId: null, callSign: null, base: null });

/** The schema's own check of what the form holds, without the command id the client adds when sending. */
const VehicleSchema = RegisterUnitInputSchema.omit({ commandId: true });

/**
 * [FL1][FL3] Adds a vehicle: its kind, a unit id (the next free one of the kind offered), a call sign, and its base
 * among the city's stations and hospitals. Checked by the schema before sending; a refusal in plain words.
 */
export function AddVehicleForm({ units, facilities, onAdd, onAdded }: AddVehicleFormProps) {
  const [draft, setDraft] = useState<Draft>(NEW_DRAFT('als'));
  const [problems, setProblems] = useState<string[]>([]);
  const [isSending, setSending] = useState(false);
  const suggested = useMemo(() => (units ? suggestUnitId(draft.kind, units) : ''), [draft.kind, units]);
  const unitId = draft.unitId ?? suggested;
  const callSign = draft.callSign ?? unitId.toUpperCase();
  const unitsAtBase = useMemo(() => {
    const counts = new Map<string, number>();
    for (const unit of units ?? []) counts.set(unit.baseId, (counts.get(unit.baseId) ?? 0) + 1);
    return counts;
  }, [units]);

  function edit(change: Partial<Draft>) {
    setDraft((current) => ({ ...current, ...change }));
    setProblems([]);
  }

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    if (isSending) return;
    const checked = VehicleSchema.safeParse({ unitId, callSign, kind: draft.kind, baseId: draft.base?.id ?? '' });
    if (!checked.success) {
      setProblems(vehicleFieldProblems(checked.error.issues.map((issue) => issue.path.join('.'))));
      return;
    }
    setSending(true);
    setProblems([]);
    const answer = await onAdd(checked.data);
    setSending(false);
    if (!answer.ok) {
      setProblems([addVehicleErrorText(answer.error, checked.data.unitId)]);
      return;
    }
    // The kind stays chosen: vehicles are often added a few of a kind at a time.
    setDraft(NEW_DRAFT(draft.kind));
    onAdded(answer.data);
  }

  return (
    <section className="panel add-vehicle">
      <header className="panel-head">
        <h2>Add a vehicle</h2>
      </header>
      <form className="admin-form" onSubmit={(e) => void handleSubmit(e)} data-testid="add-vehicle-form" noValidate>
        <label className="field">
          <span>Kind</span>
          <select data-testid="add-vehicle-kind" value={draft.kind} onChange={(e) => edit({ kind: UNIT_KINDS.find((k) => k === e.target.value) ?? 'als' })}>
            {UNIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {UNIT_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Unit id (lowercase letters, digits and dashes; never changes)</span>
          <input
            className="mono"
            data-testid="add-vehicle-id"
            value={unitId}
            placeholder={units ? undefined : 'Reading the fleet…'}
            autoCapitalize="none"
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => edit({ unitId: typedUnitId(e.target.value) })}
          />
        </label>
        <label className="field">
          <span>Call sign (as the radio says it)</span>
          <input className="mono" data-testid="add-vehicle-call-sign" value={callSign} autoComplete="off" spellCheck={false} onChange={(e) => edit({ callSign: e.target.value })} />
        </label>
        <BasePicker kind={draft.kind} facilities={facilities} unitsAtBase={unitsAtBase} base={draft.base} onChoose={(base) => edit({ base })} />
        {problems.length > 0 && (
          <div className="error-text" role="alert" data-testid="add-vehicle-error">
            {problems.map((p) => (
              <div key={p}>{p}</div>
            ))}
          </div>
        )}
        <p className="muted small add-vehicle-note">It joins the fleet available at its base at once; every console shows it.</p>
        <button type="submit" className="primary" data-testid="add-vehicle-submit" disabled={isSending || units === null}>
          {isSending ? 'Adding…' : 'Add vehicle'}
        </button>
      </form>
    </section>
  );
}
