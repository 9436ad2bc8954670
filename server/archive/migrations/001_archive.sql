-- [AR2] The durable record. Times are epoch milliseconds (as in the live state), so a row reads the same as the
-- journal entry it came from; reports turn them into hours in the city's time zone.

-- Every journal entry, once: the version is the key, so a re-read after a crash never duplicates.
CREATE TABLE journal (
  version bigint PRIMARY KEY,
  fact text NOT NULL,
  at bigint NOT NULL,
  actor jsonb NOT NULL,
  incidents jsonb NOT NULL,
  units jsonb NOT NULL,
  calls jsonb NOT NULL,
  tickets jsonb NOT NULL,
  archived_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX journal_at ON journal (at);

-- Each incident as its newest journaled version left it, with the stamps the reports read.
CREATE TABLE incidents (
  id text PRIMARY KEY,
  version bigint NOT NULL,
  doc jsonb NOT NULL,
  type text NOT NULL,
  priority text NOT NULL,
  region text,
  ward integer,
  agencies text[] NOT NULL,
  status text NOT NULL,
  received_at bigint NOT NULL,
  call_started_at bigint,
  created_at bigint NOT NULL,
  first_dispatch_at bigint,
  first_on_scene_at bigint,
  closed_at bigint,
  flags text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX incidents_received_at ON incidents (received_at);

-- One row per unit committed to an incident (a unit sent twice has two), with its status stamps.
CREATE TABLE unit_responses (
  incident_id text NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  seq integer NOT NULL,
  unit_id text NOT NULL,
  call_sign text NOT NULL,
  kind text NOT NULL,
  agency text NOT NULL,
  priority text NOT NULL,
  region text,
  received_at bigint NOT NULL,
  dispatched_at bigint,
  acknowledged_at bigint,
  en_route_at bigint,
  on_scene_at bigint,
  transporting_at bigint,
  at_hospital_at bigint,
  cleared_at bigint,
  is_first_of_kind boolean NOT NULL,
  flags text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (incident_id, seq)
);
CREATE INDEX unit_responses_received_at ON unit_responses (received_at);
CREATE INDEX unit_responses_unit ON unit_responses (unit_id, dispatched_at);

-- Care Connect tickets as their newest journaled version left them.
CREATE TABLE tickets (
  id text PRIMARY KEY,
  version bigint NOT NULL,
  doc jsonb NOT NULL,
  service_code text NOT NULL,
  department text NOT NULL,
  status text NOT NULL,
  created_at bigint NOT NULL
);
CREATE INDEX tickets_created_at ON tickets (created_at);

-- The audit record, entry by entry, keyed by its stream id.
CREATE TABLE audit (
  id text PRIMARY KEY,
  at bigint NOT NULL,
  command text NOT NULL,
  transport text NOT NULL,
  user_id text,
  username text,
  role text,
  desk text,
  unit_id text,
  outcome text NOT NULL,
  incident_id text,
  unit_ids jsonb NOT NULL,
  summary text NOT NULL
);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_incident ON audit (incident_id) WHERE incident_id IS NOT NULL;

-- How far a stream without a consumer group (the audit record) has been copied.
CREATE TABLE archive_cursor (
  stream text PRIMARY KEY,
  last_id text NOT NULL
);
