-- [RP2c] The intervals report over long ranges reads these instead of sorting every measurement of the range (a year
-- of a city is about two million, which took seconds). Both are derived from `incidents` and `unit_responses` and
-- kept equal to them in the same transaction as the incident's rows (server/reports/measurements.ts).

-- What the stored measurements were computed with: the city's time zone (their hour and month) and the targets'
-- SQL. A null zone means "not built yet": the report reads the source tables directly until the server that knows
-- the city's zone builds them at start. The only row is always there, so writers and a rebuild can lock it.
CREATE TABLE measurement_basis (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  time_zone text,
  targets text
);
INSERT INTO measurement_basis (only_row) VALUES (true);

-- One row per measurement the report counts (flagged rows are none): an incident's own intervals with seq -1,
-- a unit response's with its seq. `agencies` is the incident's (an incident-level interval counts for each) or
-- the unit's one; `month` (yyyymm) and `hour` are of `received_at` in the city's time zone.
CREATE TABLE measurements (
  incident_id text NOT NULL,
  seq integer NOT NULL,
  interval text NOT NULL,
  received_at bigint NOT NULL,
  month integer NOT NULL,
  hour smallint NOT NULL,
  priority text NOT NULL,
  region text,
  agencies text[] NOT NULL,
  seconds integer NOT NULL,
  target integer
);
CREATE INDEX measurements_incident ON measurements (incident_id);
CREATE INDEX measurements_received_at ON measurements (received_at);

-- The measurements counted per month, interval, group and whole second. `dim`: 0 overall (value ''), 1 agency,
-- 2 priority, 3 region (rows without a region are in no region group), 4 hour of day ('0'..'23'). `within` counts
-- the rows at or under their target, `target_rows` those that have one. A row that reaches n = 0 is deleted.
CREATE TABLE measurement_counts (
  month integer NOT NULL,
  interval text NOT NULL,
  dim smallint NOT NULL,
  value text NOT NULL,
  seconds integer NOT NULL,
  n integer NOT NULL,
  within integer NOT NULL,
  target_rows integer NOT NULL,
  PRIMARY KEY (month, interval, dim, value, seconds)
);
