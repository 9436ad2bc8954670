import { useEffect, useRef } from 'react';
import { UNIT_KIND_LABELS, type UnitKind } from '../../../shared/units/unitKinds.ts';
import { UNIT_STATUS_LABELS } from '../../../shared/units/unitStatus.ts';
import type { KindGroup } from './fleetWords.ts';

interface FleetTableProps {
  /** The kinds with at least one unit. */
  groups: readonly KindGroup[];
  /** The vehicle just added: marked, and scrolled into view. */
  addedId: string | null;
}

/** The element id of a kind's rows, for the kinds above the table to bring into view. */
export function fleetGroupId(kind: UnitKind): string {
  return `fleet-group-${kind}`;
}

/** [FL2] The fleet by kind, each kind's count and how many are available, then each unit with its base and status. */
export function FleetTable({ groups, addedId }: FleetTableProps) {
  const added = useRef<HTMLTableRowElement>(null);

  useEffect(() => {
    added.current?.scrollIntoView({ block: 'center' });
  }, [addedId]);

  return (
    <table className="users-table fleet-table" data-testid="fleet-table">
      <thead>
        <tr>
          <th>Call sign</th>
          <th>Unit id</th>
          <th>Base</th>
          <th>Status</th>
          <th>Crew</th>
        </tr>
      </thead>
      {groups.map((group) => (
        <tbody key={group.kind} id={fleetGroupId(group.kind)} data-testid={`fleet-group-${group.kind}`} data-count={group.units.length}>
          <tr className="fleet-group">
            <th colSpan={5}>
              {UNIT_KIND_LABELS[group.kind]} <span className="count">{group.units.length}</span>
              <span className="fleet-available">{group.available} available</span>
            </th>
          </tr>
          {group.units.map((unit) => (
            <tr
              key={unit.id}
              ref={unit.id === addedId ? added : undefined}
              className={unit.id === addedId ? 'added-unit' : undefined}
              data-testid={`fleet-row-${unit.id}`}
              data-status={unit.status}
            >
              <td className="mono nowrap">{unit.callSign}</td>
              <td className="mono nowrap">{unit.id}</td>
              <td data-testid={`fleet-base-${unit.id}`}>{unit.baseName}</td>
              <td className={`nowrap fleet-status status-${unit.status}`}>{UNIT_STATUS_LABELS[unit.status]}</td>
              <td className="muted">{unit.crew.map((member) => member.name).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
