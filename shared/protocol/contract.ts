import { z } from 'zod';
import { AuditPageSchema, AuditSearchInputSchema } from '../audit/auditSchema.ts';
import { PERSON_ROLES, type Role } from '../auth/roles.ts';
import {
  EmptyInputSchema,
  SessionInfoSchema,
  SignedOutSchema,
  SignInInputSchema,
  UserCreateInputSchema,
  UserListInputSchema,
  UserListSchema,
  UserResetPasswordInputSchema,
  UserSchema,
  UserSetDisabledInputSchema,
} from '../auth/userSchema.ts';
import { CallDisposeInputSchema, CallerHistoryInputSchema, CallerHistorySchema, CallRecordSchema, HoaxRegistryInputSchema, HoaxRegistrySchema } from '../callers/callerSchema.ts';
import { AssignInputSchema, RecommendationSchema, RecommendInputSchema } from '../dispatch/dispatchSchema.ts';
import { DivertInputSchema, DivertOutcomeSchema } from '../dispatch/divertSchema.ts';
import { CoverageSchema } from '../coverage/coverageSchema.ts';
import { CareServicesFileSchema } from '../tickets/careServiceSchema.ts';
import { Open311KeyCreateInputSchema, Open311KeyIssuedSchema, Open311KeyRevokeInputSchema, Open311KeySchema } from '../open311/open311KeySchema.ts';
import {
  EscalationSchema,
  PublicTicketSchema,
  TicketCallbackInputSchema,
  TicketCreateInputSchema,
  TicketDuplicateSchema,
  TicketDuplicatesInputSchema,
  TicketEscalateInputSchema,
  TicketGetInputSchema,
  TicketLinkCallerInputSchema,
  TicketQueueInputSchema,
  TicketSchema,
  TicketUpdateInputSchema,
} from '../tickets/ticketSchema.ts';
import { TicketSummaryInputSchema, TicketSummarySchema } from '../tickets/ticketSummarySchema.ts';
import {
  DuplicateCandidateSchema,
  DuplicatesInputSchema,
  IncidentCloseInputSchema,
  IncidentCreateInputSchema,
  IncidentGetInputSchema,
  IncidentSchema,
  LinkCallerInputSchema,
  type Incident,
} from '../incidents/incidentSchema.ts';
import { IncidentCancelInputSchema, IncidentReopenInputSchema, IncidentUpdateTypeInputSchema, ReleaseInputSchema } from '../incidents/lifecycleSchema.ts';
import { IncidentAddNoteInputSchema } from '../incidents/noteSchema.ts';
import { EidoDocumentSchema, EidoInputSchema } from '../eido/eidoSchema.ts';
import { HospitalOptionSchema, RouteHospitalsInputSchema, RouteSchema, RouteUnitInputSchema } from '../routing/routeSchema.ts';
import { CrewSignOffInputSchema, CrewSignOnInputSchema } from '../units/crewSchema.ts';
import { UnitAcknowledgeInputSchema, UnitPositionAnswerSchema, UnitPositionInputSchema, UnitPositionsAnswerSchema, UnitPositionsInputSchema, UnitStatusInputSchema } from '../units/unitCommands.ts';
import { UnitSchema } from '../units/unitSchema.ts';
import { RegisterUnitInputSchema } from '../units/fleetCommands.ts';
import { ClockAnswerSchema, ClockSetInputSchema } from '../replay/clockSchema.ts';
import { SnapshotSchema, SyncAnswerSchema, SyncSinceInputSchema } from './stateSchema.ts';
import { IntervalReportSchema, ReportRangeInputSchema, UtilisationReportSchema } from '../reports/intervalReportSchema.ts';

/**
 * [CM6] The one command contract. Each command is one entry: its input and answer schemas, who may
 * send it (roles, and the per-record rule the server applies), its HTTP method and path, whether it is
 * journaled (a `commandId`, a stored first answer, a journal entry), what the audit record keeps of it,
 * and which of its times may not lie in the future. The Socket.IO event maps, the authorisation step,
 * the HTTP routes, the OpenAPI document and the console's typed client are all derived from this table;
 * adding a command is one entry here plus its handler on the server.
 */

/** Bumped when a command or event changes meaning; a console built for another version is told to reload. */
export const PROTOCOL_VERSION = 7;

/** [CM5] How far ahead of the server's clock a client's time may be (device clocks drift a little). */
export const CLOCK_SKEW_ALLOWANCE_MS = 10_000;

/**
 * [AU2][DK3] The per-record rule: which incident and units a command names, and whether it acts on the
 * units (a desk may act only on its own agency's units, a crew only on its vehicle) or only looks at them
 * (a desk sees its own units and those committed to its incidents).
 */
export interface RecordRule<I, A> {
  // Method syntax on purpose: the server applies every entry's rule through one erased type.
  incident?(input: I): string;
  /** Further incidents the command names (a divert names the one the unit leaves). */
  incidents?(input: I): readonly string[];
  /** [CC6] The Care Connect ticket the command names: a department officer acts only on its department's. */
  ticket?(input: I): string;
  /** [CC6] The department whose tickets the command reads (absent: the officer's own). */
  department?(input: I): string | undefined;
  units?(input: I): readonly string[];
  unitAccess?: 'act' | 'see';
  /** For reads by reference: the incidents the answer shows, each of which the sender must be allowed to see. */
  answerIncidents?(answer: A): readonly Incident[];
}

export interface QueryParameter {
  /** The input field the parameter fills. */
  field: string;
  type: 'integer' | 'string' | 'boolean';
  description: string;
}

export interface HttpBinding {
  method: 'get' | 'post';
  /** Express path; `:name` fills the input field of that name. */
  path: string;
  query?: Readonly<Record<string, QueryParameter>>;
  /** The same read as CSV at this path (cells that a spreadsheet would run are escaped). */
  csvPath?: string;
  /**
   * [EI4] The same read answered as the bare document at this path, without the `{ ok, data }` wrapping: a standard's
   * own document (an EIDO) that a receiving system reads as is. A refusal keeps the result shape and its status.
   */
  documentPath?: string;
}

export interface CommandSpec<I extends z.ZodType, A extends z.ZodType> {
  summary: string;
  input: I;
  answer: A;
  /** Who may send it; an empty list with `isPublic` means anyone, before sign-in. */
  roles: readonly Role[];
  isPublic?: boolean;
  record?: RecordRule<z.output<I>, z.output<A>>;
  http: HttpBinding;
  /** Sent over the socket as an event of the same name (sign-in and sign-out set a cookie, so they are HTTP only). */
  onSocket: boolean;
  /** Carries a `commandId`; a resend gets the first answer; the change is journaled and broadcast. */
  isJournaled: boolean;
  /** [AD1] What the audit record keeps: every call, or only refusals (position fixes are telemetry, many a second). */
  audit: 'all' | 'refusals';
  /** [AD1] Reads personal data (callers' names and numbers); such reads are always audited. */
  readsPersonalData?: boolean;
  /** [CM5] Epoch-ms fields that may not lie further in the future than the clock-skew allowance. */
  clockFields?: readonly string[];
}

/** An entry of the table; keeps whether it is a socket event as a literal type, for the event maps. */
function command<I extends z.ZodType, A extends z.ZodType, OnSocket extends boolean>(spec: CommandSpec<I, A> & { onSocket: OnSocket }): CommandSpec<I, A> & { onSocket: OnSocket } {
  return spec;
}

const BOARD_ROLES = ['call_taker', 'dispatcher', 'crew', 'supervisor'] as const satisfies readonly Role[];

/** The time range of the archive's reports ([RP1]'s `ReportRangeInputSchema`) as query parameters. */
const REPORT_RANGE_QUERY: Readonly<Record<string, QueryParameter>> = {
  from: { field: 'from', type: 'string', description: 'from this time, inclusive (ISO 8601 with offset, or epoch ms)' },
  to: { field: 'to', type: 'string', description: 'up to this time, exclusive (ISO 8601 with offset, or epoch ms)' },
};

/** The outcome of an assignment: the incident and the units as committed. */
export const AssignOutcomeSchema = z.object({ incident: IncidentSchema, units: z.array(UnitSchema) });
export type AssignOutcome = z.infer<typeof AssignOutcomeSchema>;

export const CONTRACT = {
  'session:sign_in': command({
    summary: 'Sign in with username and password; sets the session cookie',
    input: SignInInputSchema,
    answer: SessionInfoSchema,
    roles: [],
    isPublic: true,
    http: { method: 'post', path: '/api/session' },
    onSocket: false,
    isJournaled: false,
    audit: 'all',
  }),
  'session:get': command({
    summary: 'The signed-in session; renews the cookie when it is past half its life',
    input: EmptyInputSchema,
    answer: SessionInfoSchema,
    roles: PERSON_ROLES,
    http: { method: 'get', path: '/api/session' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'session:sign_out': command({
    summary: 'Sign out: the session is revoked at once on every server instance',
    input: EmptyInputSchema,
    answer: SignedOutSchema,
    roles: PERSON_ROLES,
    http: { method: 'post', path: '/api/session/sign-out' },
    onSocket: false,
    isJournaled: false,
    audit: 'all',
  }),
  'users:list': command({
    summary: 'Every user with role, desks, state and the vehicle a crew is on',
    input: UserListInputSchema,
    answer: UserListSchema,
    roles: ['administrator'],
    http: { method: 'get', path: '/api/users' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
  }),
  'users:create': command({
    summary: 'Add a user',
    input: UserCreateInputSchema,
    answer: UserSchema,
    roles: ['administrator'],
    http: { method: 'post', path: '/api/users' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
  }),
  'users:reset_password': command({
    summary: "Set a user's password; their sessions end",
    input: UserResetPasswordInputSchema,
    answer: UserSchema,
    roles: ['administrator'],
    http: { method: 'post', path: '/api/users/:userId/password' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
  }),
  'users:set_disabled': command({
    summary: 'Disable a user (their live consoles are dropped at once) or enable them again',
    input: UserSetDisabledInputSchema,
    answer: UserSchema,
    roles: ['administrator'],
    http: { method: 'post', path: '/api/users/:userId/disabled' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
  }),
  'crew:sign_on': command({
    summary: 'A crew member signs on to a vehicle for the shift',
    input: CrewSignOnInputSchema,
    answer: UnitSchema,
    roles: ['crew'],
    http: { method: 'post', path: '/api/crew/sign-on' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'fleet:add_unit': command({
    summary: 'A fleet manager adds a vehicle to the fleet, available at one of the city\'s stations (journaled: every console shows it)',
    input: RegisterUnitInputSchema,
    answer: UnitSchema,
    roles: ['administrator'],
    http: { method: 'post', path: '/api/fleet/units' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'fleet:list': command({
    summary: 'Every unit of the fleet with its kind, base and status, by call sign (the board shows an administrator none)',
    input: EmptyInputSchema,
    answer: z.array(UnitSchema),
    // [FL2] The fleet manager's read; a supervisor sees the whole fleet on its board anyway.
    roles: ['administrator', 'supervisor'],
    http: { method: 'get', path: '/api/fleet/units' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'crew:sign_off': command({
    summary: 'A crew member signs off the vehicle they are on',
    input: CrewSignOffInputSchema,
    answer: UnitSchema,
    roles: ['crew'],
    http: { method: 'post', path: '/api/crew/sign-off' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'state:read': command({
    summary: 'Every unit and open incident the sender may see, with the version they are at',
    input: EmptyInputSchema,
    answer: SnapshotSchema,
    roles: BOARD_ROLES,
    http: { method: 'get', path: '/api/state' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
    readsPersonalData: true,
  }),
  'sync:since': command({
    summary: 'The journal after a version (the changes the sender may see), or a snapshot when too far behind',
    input: SyncSinceInputSchema,
    answer: SyncAnswerSchema,
    // [CC6] Care Connect's screens follow ticket deltas too, and fill a gap like any board.
    roles: [...BOARD_ROLES, 'care_agent', 'department_officer'],
    http: { method: 'get', path: '/api/journal', query: { since: { field: 'version', type: 'integer', description: 'the version the client holds' } } },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
    readsPersonalData: true,
  }),
  'incident:create': command({
    summary: 'Capture an incident: classified, located, numbered and queued in one step',
    input: IncidentCreateInputSchema,
    answer: IncidentSchema,
    roles: ['call_taker', 'dispatcher'],
    http: { method: 'post', path: '/api/incidents' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
    clockFields: ['callStartedAt'],
  }),
  'incident:close': command({
    summary: 'Close an incident with no unit still committed, with its disposition',
    input: IncidentCloseInputSchema,
    answer: IncidentSchema,
    roles: ['dispatcher', 'supervisor'],
    record: { incident: (input) => input.incidentId },
    http: { method: 'post', path: '/api/incidents/:incidentId/close' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'incident:cancel': command({
    summary: 'Cancel an incident no unit was ever committed to (closed as cancelled)',
    input: IncidentCancelInputSchema,
    answer: IncidentSchema,
    roles: ['call_taker', 'dispatcher', 'supervisor'],
    record: { incident: (input) => input.incidentId },
    http: { method: 'post', path: '/api/incidents/:incidentId/cancel' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'incident:reopen': command({
    summary: 'Reopen a closed incident within the reopen window, or send one awaiting close back for more units',
    input: IncidentReopenInputSchema,
    answer: IncidentSchema,
    roles: ['dispatcher', 'supervisor'],
    record: { incident: (input) => input.incidentId },
    http: { method: 'post', path: '/api/incidents/:incidentId/reopen' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'incident:update_type': command({
    summary: "Change an open incident's type or priority, with the reason; plan and agencies follow the type",
    input: IncidentUpdateTypeInputSchema,
    answer: IncidentSchema,
    roles: ['dispatcher', 'supervisor'],
    record: { incident: (input) => input.incidentId },
    http: { method: 'post', path: '/api/incidents/:incidentId/type' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'incident:get': command({
    summary: 'An incident, open or closed, by its reference as read back',
    input: IncidentGetInputSchema,
    answer: IncidentSchema,
    roles: ['call_taker', 'dispatcher', 'supervisor'],
    record: { answerIncidents: (incident) => [incident] },
    http: { method: 'get', path: '/api/incidents/:reference' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
    readsPersonalData: true,
  }),
  'incident:eido': command({
    summary: 'An incident, open or closed, as a NENA EIDO document (NENA-STA-021): the hand-off to another centre',
    input: EidoInputSchema,
    answer: EidoDocumentSchema,
    // [EI4] Who may read the incident may hand it off: a desk only its own incidents (the per-record rule).
    roles: ['call_taker', 'dispatcher', 'supervisor'],
    record: { incident: (input) => input.incidentId },
    http: { method: 'get', path: '/api/incidents/:incidentId/eido', documentPath: '/api/eido/:incidentId' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
    readsPersonalData: true,
  }),
  'incident:duplicates': command({
    summary: 'Open incidents near a call that may be the same event',
    input: DuplicatesInputSchema,
    answer: z.array(DuplicateCandidateSchema),
    roles: ['call_taker', 'dispatcher'],
    http: { method: 'post', path: '/api/incidents/duplicates' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'incident:link_caller': command({
    summary: 'Add a caller to an existing incident instead of creating a new one',
    input: LinkCallerInputSchema,
    answer: IncidentSchema,
    roles: ['call_taker', 'dispatcher'],
    record: { incident: (input) => input.incidentId },
    http: { method: 'post', path: '/api/incidents/:incidentId/callers' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'incident:add_note': command({
    summary: "Add a free-text note to an incident's narrative (an open incident, or one closed within the note window)",
    input: IncidentAddNoteInputSchema,
    answer: IncidentSchema,
    // [NR2] The per-record rule: a desk notes only its incidents, a crew only the one its vehicle is committed to.
    roles: ['call_taker', 'dispatcher', 'supervisor', 'crew'],
    record: { incident: (input) => input.incidentId },
    http: { method: 'post', path: '/api/incidents/:incidentId/notes' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'call:dispose': command({
    summary: 'Close a call that is not an incident (hoax, accidental, abandoned, test, non-emergency)',
    input: CallDisposeInputSchema,
    answer: CallRecordSchema,
    roles: ['call_taker', 'dispatcher'],
    http: { method: 'post', path: '/api/calls/dispositions' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
    clockFields: ['callStartedAt'],
  }),
  'caller:history': command({
    summary: "A callback number's earlier calls and hoax flag",
    input: CallerHistoryInputSchema,
    answer: CallerHistorySchema,
    roles: ['call_taker', 'dispatcher', 'supervisor'],
    http: { method: 'get', path: '/api/callers/:callbackNumber/history' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
    readsPersonalData: true,
  }),
  'hoax:registry': command({
    summary: 'Every number with hoax calls, each call with time and call-taker (JSON, or CSV evidence)',
    input: HoaxRegistryInputSchema,
    answer: HoaxRegistrySchema,
    roles: ['supervisor'],
    http: {
      method: 'get',
      path: '/api/callers/hoax-registry',
      csvPath: '/api/callers/hoax-registry.csv',
      query: { sinceDays: { field: 'sinceDays', type: 'integer', description: 'how many days back (default 365)' } },
    },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
    readsPersonalData: true,
  }),
  'dispatch:recommend': command({
    summary: 'The nearest available units of each kind the incident still needs, by drive time',
    input: RecommendInputSchema,
    answer: RecommendationSchema,
    roles: ['call_taker', 'dispatcher', 'supervisor'],
    record: { incident: (input) => input.incidentId },
    http: { method: 'get', path: '/api/incidents/:incidentId/recommendation' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'dispatch:assign': command({
    summary: 'Commit units to an incident: every one or none',
    input: AssignInputSchema,
    answer: AssignOutcomeSchema,
    roles: ['dispatcher'],
    record: { incident: (input) => input.incidentId, units: (input) => input.unitIds, unitAccess: 'act' },
    http: { method: 'post', path: '/api/dispatch/assign' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'dispatch:release': command({
    summary: 'Stand a unit down from an incident with the reason: it goes available and leaves the incident in one step',
    input: ReleaseInputSchema,
    answer: AssignOutcomeSchema,
    roles: ['dispatcher'],
    record: { incident: (input) => input.incidentId, units: (input) => [input.unitId], unitAccess: 'act' },
    http: { method: 'post', path: '/api/dispatch/release' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'dispatch:divert': command({
    summary: 'Move a unit on its way to a less urgent incident to a more urgent one, with the reason, in one atomic step',
    input: DivertInputSchema,
    answer: DivertOutcomeSchema,
    roles: ['dispatcher'],
    record: { incident: (input) => input.toIncidentId, incidents: (input) => [input.fromIncidentId], units: (input) => [input.unitId], unitAccess: 'act' },
    http: { method: 'post', path: '/api/dispatch/divert' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'coverage:read': command({
    summary: "Every ward's travel time from the nearest available ambulance and engine, against the target travel times",
    input: EmptyInputSchema,
    answer: CoverageSchema,
    // [CV5] The same roles hear it live (the coverage room); a desk sees the whole city's coverage, as it names no incident.
    roles: ['dispatcher', 'supervisor'],
    http: { method: 'get', path: '/api/coverage' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'unit:status': command({
    summary: "A unit's new status, checked against the status it is in when it commits",
    input: UnitStatusInputSchema,
    answer: UnitSchema,
    roles: ['dispatcher', 'crew', 'system'],
    record: { units: (input) => [input.unitId], unitAccess: 'act' },
    http: { method: 'post', path: '/api/units/:unitId/status' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'unit:position': command({
    summary: "A position fix from a unit's device; the latest fix wins",
    input: UnitPositionInputSchema,
    answer: UnitPositionAnswerSchema,
    roles: ['crew', 'system'],
    record: { units: (input) => [input.unitId], unitAccess: 'act' },
    http: { method: 'post', path: '/api/units/:unitId/position' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
    clockFields: ['fixAt'],
  }),
  'units:positions': command({
    summary: 'A batch of position fixes from the AVL gateway, up to 500; for each unit the latest fix wins',
    input: UnitPositionsInputSchema,
    answer: UnitPositionsAnswerSchema,
    roles: ['avl_gateway', 'system'],
    http: { method: 'post', path: '/api/units/positions' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'unit:acknowledge': command({
    summary: 'The crew acknowledges the assignment it received',
    input: UnitAcknowledgeInputSchema,
    answer: IncidentSchema,
    roles: ['crew', 'dispatcher'],
    record: { units: (input) => [input.unitId], unitAccess: 'act' },
    http: { method: 'post', path: '/api/units/:unitId/acknowledge' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'route:unit': command({
    summary: "A unit's route to where it is going now",
    input: RouteUnitInputSchema,
    answer: RouteSchema,
    roles: ['crew', 'dispatcher', 'supervisor'],
    record: { units: (input) => [input.unitId], unitAccess: 'see' },
    http: { method: 'get', path: '/api/units/:unitId/route' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'route:hospitals': command({
    summary: "The 24-hour emergency units by ETA from a unit",
    input: RouteHospitalsInputSchema,
    answer: z.array(HospitalOptionSchema),
    roles: ['crew', 'dispatcher'],
    record: { units: (input) => [input.unitId], unitAccess: 'see' },
    http: { method: 'get', path: '/api/units/:unitId/hospitals' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'care:services': command({
    summary: "Care Connect's line, departments, services (with their extra fields) and phone menu",
    input: EmptyInputSchema,
    answer: CareServicesFileSchema,
    roles: [],
    isPublic: true,
    http: { method: 'get', path: '/api/care/services' },
    onSocket: false,
    isJournaled: false,
    audit: 'refusals',
  }),
  'ticket:create': command({
    summary: "Log a Care Connect service request: the reference is issued at once and the ticket goes to its department's queue",
    input: TicketCreateInputSchema,
    answer: TicketSchema,
    roles: ['care_agent', 'call_taker', 'supervisor'],
    http: { method: 'post', path: '/api/tickets' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'ticket:link_caller': command({
    summary: 'Add another caller about the same problem to an open ticket; they are given its reference',
    input: TicketLinkCallerInputSchema,
    answer: TicketSchema,
    roles: ['care_agent', 'supervisor'],
    record: { ticket: (input) => input.ticketId },
    http: { method: 'post', path: '/api/tickets/:ticketId/callers' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'ticket:update': command({
    summary: 'Move a ticket on (acknowledged, in progress, scheduled, closed, referred) with a public and an internal note',
    input: TicketUpdateInputSchema,
    answer: TicketSchema,
    roles: ['department_officer', 'supervisor'],
    record: { ticket: (input) => input.ticketId },
    http: { method: 'post', path: '/api/tickets/:ticketId/status' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'ticket:callback': command({
    summary: 'Record a callback to a caller as made or failed',
    input: TicketCallbackInputSchema,
    answer: TicketSchema,
    roles: ['department_officer', 'care_agent', 'supervisor'],
    record: { ticket: (input) => input.ticketId },
    http: { method: 'post', path: '/api/tickets/:ticketId/callbacks' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'ticket:escalate': command({
    summary: 'Turn a ticket that is an emergency into an Emergency Connect incident, linked both ways, in one step',
    input: TicketEscalateInputSchema,
    answer: EscalationSchema,
    roles: ['care_agent', 'department_officer', 'supervisor'],
    record: { ticket: (input) => input.ticketId },
    http: { method: 'post', path: '/api/tickets/:ticketId/escalate' },
    onSocket: true,
    isJournaled: true,
    audit: 'all',
  }),
  'ticket:get': command({
    summary: 'A ticket, open or closed, by its reference as read back, with its callers and internal notes',
    input: TicketGetInputSchema,
    answer: TicketSchema,
    roles: ['care_agent', 'department_officer', 'supervisor', 'call_taker'],
    record: { ticket: (input) => input.reference },
    http: { method: 'get', path: '/api/tickets/:reference' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
    readsPersonalData: true,
  }),
  'ticket:queue': command({
    summary: "A department's open tickets, soonest expected first, and those closed in the last days",
    input: TicketQueueInputSchema,
    answer: z.array(TicketSchema),
    roles: ['department_officer', 'care_agent', 'supervisor'],
    record: { department: (input) => input.department },
    http: {
      method: 'get',
      path: '/api/care/queue',
      query: {
        department: { field: 'department', type: 'string', description: "the department's code (an officer's own when left out)" },
        includeClosedDays: { field: 'includeClosedDays', type: 'integer', description: 'also tickets closed in this many last days (0-30)' },
      },
    },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
    readsPersonalData: true,
  }),
  'ticket:duplicates': command({
    summary: 'Open tickets of the same service nearby that may be the same job',
    input: TicketDuplicatesInputSchema,
    answer: z.array(TicketDuplicateSchema),
    roles: ['care_agent', 'call_taker', 'supervisor'],
    http: { method: 'post', path: '/api/tickets/duplicates' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'ticket:public': command({
    summary: "A ticket's progress as anyone with its reference may read it: no personal details",
    input: TicketGetInputSchema,
    answer: PublicTicketSchema,
    roles: [],
    isPublic: true,
    http: { method: 'get', path: '/api/public/tickets/:reference' },
    onSocket: false,
    isJournaled: false,
    audit: 'refusals',
  }),
  'ticket:summary': command({
    summary: 'Care Connect by department: open and overdue tickets, and the share closed by their expected date',
    input: TicketSummaryInputSchema,
    answer: TicketSummarySchema,
    roles: ['supervisor'],
    http: {
      method: 'get',
      path: '/api/care/summary',
      query: { closedDays: { field: 'closedDays', type: 'integer', description: 'the share closed in time is over tickets closed in this many last days (1-90, default 30)' } },
    },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'open311:key_create': command({
    summary: 'Issue an Open311 API key to a third-party app; the key is shown in this answer only',
    input: Open311KeyCreateInputSchema,
    answer: Open311KeyIssuedSchema,
    roles: ['administrator'],
    http: { method: 'post', path: '/api/open311/keys' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
  }),
  'open311:key_list': command({
    summary: 'Every Open311 API key by name, with when it was issued and revoked (never the key)',
    input: EmptyInputSchema,
    answer: z.array(Open311KeySchema),
    roles: ['administrator'],
    http: { method: 'get', path: '/api/open311/keys' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
  }),
  'open311:key_revoke': command({
    summary: 'Revoke an Open311 API key: requests with it are refused from now on',
    input: Open311KeyRevokeInputSchema,
    answer: Open311KeySchema,
    roles: ['administrator'],
    http: { method: 'post', path: '/api/open311/keys/:name/revoke' },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
  }),
  'report:intervals': command({
    summary: 'Response-time intervals from the archive for a time range: count, p50/p90 by nearest rank, compliance with NFPA targets, by agency, priority, region and hour; data-quality flags (JSON, or CSV)',
    input: ReportRangeInputSchema,
    answer: IntervalReportSchema,
    roles: ['supervisor', 'administrator'],
    http: {
      method: 'get',
      path: '/api/reports/intervals',
      csvPath: '/api/reports/intervals.csv',
      query: REPORT_RANGE_QUERY,
    },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
  }),
  'report:utilisation': command({
    summary: "Unit utilisation from the archive for a time range: each unit's share of time committed to incidents, by agency (JSON, or CSV)",
    input: ReportRangeInputSchema,
    answer: UtilisationReportSchema,
    roles: ['supervisor', 'administrator'],
    http: {
      method: 'get',
      path: '/api/reports/utilisation',
      csvPath: '/api/reports/utilisation.csv',
      query: REPORT_RANGE_QUERY,
    },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
  }),
  'clock:set': command({
    summary: 'A replay moves the replay server\'s clock forward (only a server started with CLOCK=replay; never backwards)',
    input: ClockSetInputSchema,
    answer: ClockAnswerSchema,
    roles: ['administrator'],
    http: { method: 'post', path: '/api/clock' },
    onSocket: true,
    isJournaled: false,
    audit: 'refusals',
  }),
  'audit:search': command({
    summary: 'The audit record by incident, unit, user and time range, newest first (JSON, or CSV)',
    input: AuditSearchInputSchema,
    answer: AuditPageSchema,
    roles: ['supervisor', 'administrator'],
    http: {
      method: 'get',
      path: '/api/audit',
      csvPath: '/api/audit.csv',
      query: {
        incidentId: { field: 'incidentId', type: 'string', description: 'an incident reference' },
        unitId: { field: 'unitId', type: 'string', description: 'a unit id' },
        username: { field: 'username', type: 'string', description: 'a username' },
        from: { field: 'from', type: 'integer', description: 'from this time (epoch ms)' },
        to: { field: 'to', type: 'integer', description: 'up to this time (epoch ms)' },
        refusalsOnly: { field: 'refusalsOnly', type: 'boolean', description: 'only refused commands' },
        limit: { field: 'limit', type: 'integer', description: 'at most this many entries (default 500)' },
      },
    },
    onSocket: true,
    isJournaled: false,
    audit: 'all',
    readsPersonalData: true,
  }),
} as const;

export type Contract = typeof CONTRACT;
export type CommandName = keyof Contract;
export const COMMAND_NAMES = Object.keys(CONTRACT) as CommandName[];

/** What a client sends (defaulted fields may be left out). */
export type InputOf<N extends CommandName> = z.input<Contract[N]['input']>;
/** What the server answers with. */
export type AnswerOf<N extends CommandName> = z.output<Contract[N]['answer']>;

/** The commands sent as socket events. */
export type SocketCommandName = { [N in CommandName]: Contract[N]['onSocket'] extends true ? N : never }[CommandName];
export const SOCKET_COMMAND_NAMES = COMMAND_NAMES.filter((name): name is SocketCommandName => CONTRACT[name].onSocket);

/** True when `name` is a command of the contract. */
export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(CONTRACT, name);
}

/** [AU1] True when `role` may send `command` (the per-record rule is checked by the server after this). */
export function isCommandAllowed(command: CommandName, role: Role | null): boolean {
  const spec: CommandSpec<z.ZodType, z.ZodType> = CONTRACT[command];
  if (spec.isPublic) return true;
  return role !== null && spec.roles.includes(role);
}
