import { DESK_LABELS, ROLE_LABELS } from '../auth/roles.ts';
import { callerNameLabel } from '../callers/callerIdentity.ts';
import { isCommittedStatus, UNIT_STATUS_LABELS } from '../units/unitStatus.ts';
import type { Assignment, Incident } from './incidentSchema.ts';
import { INCIDENT_TYPES } from './incidentTypes.ts';
import { DISPOSITION_LABELS, IncidentDispositionSchema, RELEASE_REASON_LABELS, ReleaseReasonSchema, type Classification, type LifecycleEntry } from './lifecycleSchema.ts';
import type { NoteAuthor } from './noteSchema.ts';
import type { PriorityLevel } from './priority.ts';

/** What kind of event a narrative line is, for its mark on screen. */
export type TimelineKind =
  | 'call'
  | 'created'
  | 'caller'
  | 'assigned'
  | 'acknowledged'
  | 'status'
  | 'cleared'
  | 'released'
  | 'diverted'
  | 'reclassified'
  | 'closed'
  | 'cancelled'
  | 'reopened'
  | 'more_units'
  | 'note';

/** One line of an incident's narrative: when, who, what. */
export interface TimelineEntry {
  at: number;
  who: string;
  what: string;
  kind: TimelineKind;
}

/** Who did something that documents stored before [NR4] did not record. */
export const UNRECORDED = 'not recorded';

const LIFECYCLE_KINDS: Record<LifecycleEntry['action'], TimelineKind> = {
  closed: 'closed',
  cancelled: 'cancelled',
  reopened: 'reopened',
  more_units: 'more_units',
  reclassified: 'reclassified',
  released: 'released',
  diverted_away: 'diverted',
  diverted_in: 'diverted',
};

/**
 * [NR4] The incident's narrative: every event the document keeps, oldest first, each with who and what. The call,
 * the incident's creation, callers linked, each unit's assignment, acknowledgement, reported statuses and clearing,
 * releases and diverts, type and priority changes, close, cancel and reopen, and the free-text notes. Events at the
 * same moment keep the order they happened in (creation before assignment, assignment before acknowledgement).
 */
export function incidentTimeline(incident: Incident): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (incident.callStartedAt !== null) entries.push({ at: incident.callStartedAt, who: incident.createdBy, what: 'Call answered', kind: 'call' });
  const created = classificationAtCreation(incident);
  entries.push({ at: incident.createdAt, who: incident.createdBy, what: created ? `Incident created: ${classificationWords(created)}` : 'Incident created', kind: 'created' });
  for (const caller of incident.additionalCallers) {
    entries.push({ at: caller.linkedAt, who: caller.linkedBy, what: `Another caller linked: ${callerNameLabel(caller.callerName)}`, kind: 'caller' });
  }
  for (const assignment of incident.assignments) entries.push(...assignmentEntries(assignment, incident.lifecycle));
  for (const step of incident.lifecycle) entries.push(lifecycleEntry(step, incident));
  for (const note of incident.narrative) entries.push({ at: note.at, who: noteAuthorLabel(note.by), what: note.text, kind: 'note' });
  // Array sort is stable: lines at the same moment stay in the order above.
  return entries.sort((a, b) => a.at - b.at);
}

/** "crew · ALS-A01", "ems · EMS dispatch", "calltaker · Call taker": the person and where they wrote from. */
export function noteAuthorLabel(by: NoteAuthor): string {
  const where = by.callSign ?? by.unitId?.toUpperCase() ?? (by.desk ? DESK_LABELS[by.desk] : ROLE_LABELS[by.role]);
  return `${by.operatorId} · ${where}`;
}

function assignmentEntries(a: Assignment, lifecycle: readonly LifecycleEntry[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [{ at: a.assignedAt, who: a.assignedBy, what: `${a.callSign} assigned`, kind: 'assigned' }];
  if (a.acknowledgedAt !== null) entries.push({ at: a.acknowledgedAt, who: a.acknowledgedBy ?? UNRECORDED, what: `${a.callSign} acknowledged`, kind: 'acknowledged' });
  const steps = a.steps ?? [];
  for (const step of steps) {
    const isClearing = !isCommittedStatus(step.status);
    const status = UNIT_STATUS_LABELS[step.status].toLowerCase();
    const what = isClearing ? `${a.callSign} cleared: ${status}` : `${a.callSign} ${status}${step.to ? ` to ${step.to}` : ''}`;
    entries.push({ at: step.at, who: step.by, what, kind: isClearing ? 'cleared' : 'status' });
  }
  // A clearing the steps or the lifecycle (a release, a divert) already tell is not told twice.
  const isToldElsewhere =
    steps.some((step) => !isCommittedStatus(step.status)) || lifecycle.some((step) => step.unitId === a.unitId && step.at === a.clearedAt);
  if (a.clearedAt !== null && !isToldElsewhere) entries.push({ at: a.clearedAt, who: UNRECORDED, what: `${a.callSign} cleared`, kind: 'cleared' });
  return entries;
}

function lifecycleEntry(step: LifecycleEntry, incident: Incident): TimelineEntry {
  const kind = LIFECYCLE_KINDS[step.action];
  const unit = step.unitId ? (incident.assignments.find((a) => a.unitId === step.unitId)?.callSign ?? step.unitId.toUpperCase()) : '';
  const other = step.otherIncidentId ?? 'another incident';
  const whatOf: Record<LifecycleEntry['action'], () => string> = {
    closed: () => `Closed: ${closeWords(step, incident)}`,
    cancelled: () => `Cancelled: ${step.reason}`,
    reopened: () => `Reopened: ${step.reason}`,
    more_units: () => `Sent back for more units: ${step.reason}`,
    reclassified: () => (step.change ? `Changed from ${classificationWords(step.change.from)} to ${classificationWords(step.change.to)}: ${step.reason}` : `Type or priority changed: ${step.reason}`),
    released: () => `${unit} released: ${releaseWords(step.reason)}`,
    diverted_away: () => `${unit} diverted to ${other}: ${step.reason}`,
    diverted_in: () => `${unit} diverted here from ${other}: ${step.reason}`,
  };
  return { at: step.at, who: step.by, what: whatOf[step.action](), kind };
}

/**
 * The type and priority the incident was created with: the current ones if it was never reclassified, those
 * before its first reclassification when that is recorded, otherwise (reclassified before [NR4]) unknown.
 */
function classificationAtCreation(incident: Incident): Classification | null {
  const first = incident.lifecycle.find((step) => step.action === 'reclassified');
  if (!first) return { type: incident.type, priority: incident.priority };
  return first.change?.from ?? null;
}

function classificationWords(c: Classification): string {
  return `${INCIDENT_TYPES[c.type].label}, ${priorityName(c.priority)}`;
}

/** "echo" → "Echo". */
function priorityName(level: PriorityLevel): string {
  return level.charAt(0).toUpperCase() + level.slice(1);
}

/**
 * The incident's current close says its disposition and note; an earlier close (before a reopen) kept only its
 * reason: the note, or the disposition's code when the note was empty.
 */
function closeWords(step: LifecycleEntry, incident: Incident): string {
  if (incident.disposition !== null && incident.closedAt === step.at) {
    return `${DISPOSITION_LABELS[incident.disposition]}${incident.closeNote ? ` · ${incident.closeNote}` : ''}`;
  }
  const disposition = IncidentDispositionSchema.safeParse(step.reason);
  return disposition.success ? DISPOSITION_LABELS[disposition.data] : step.reason;
}

/** A release's reason is `<reason code>` or `<reason code>: <note>`. */
function releaseWords(reason: string): string {
  const [code = '', ...rest] = reason.split(': ');
  const release = ReleaseReasonSchema.safeParse(code);
  const label = release.success ? RELEASE_REASON_LABELS[release.data] : code;
  return rest.length > 0 ? `${label}: ${rest.join(': ')}` : label;
}
