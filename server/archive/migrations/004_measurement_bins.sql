-- [RP2d] Coarse counts beside the per-second ones, so a long range's report sums about a tenth of the rows: the
-- measurements counted per 16-second bin (`bin` = seconds >> 4), by month and by day of the city's zone. The report
-- finds the bin that holds each percentile from these, then reads whole seconds only inside that bin. A year of a
-- city summed 900,000 per-second rows (about a second); its bins are about 105,000 by month.

-- The local day (yyyymmdd) of each measurement, for the counts by day.
ALTER TABLE measurements ADD COLUMN day integer NOT NULL DEFAULT 0;
ALTER TABLE measurements ALTER COLUMN day DROP DEFAULT;

-- Same columns and meaning as `measurement_counts`, per bin instead of per second.
CREATE TABLE measurement_bins (
  month integer NOT NULL,
  interval text NOT NULL,
  dim smallint NOT NULL,
  value text NOT NULL,
  bin integer NOT NULL,
  n integer NOT NULL,
  within integer NOT NULL,
  target_rows integer NOT NULL,
  PRIMARY KEY (month, interval, dim, value, bin) INCLUDE (n, within, target_rows)
);

-- By local day, for the whole days at either end of a range that are not whole months.
CREATE TABLE measurement_day_bins (
  day integer NOT NULL,
  interval text NOT NULL,
  dim smallint NOT NULL,
  value text NOT NULL,
  bin integer NOT NULL,
  n integer NOT NULL,
  within integer NOT NULL,
  target_rows integer NOT NULL,
  PRIMARY KEY (day, interval, dim, value, bin) INCLUDE (n, within, target_rows)
);

-- The bins' keys carry their counts, so the report reads them from the index alone. The per-second counts are read
-- a bin of one group at a time, over the range's months: keyed by group and second first, each such read is one
-- stretch of the index.
ALTER TABLE measurement_counts DROP CONSTRAINT measurement_counts_pkey;
ALTER TABLE measurement_counts ADD PRIMARY KEY (interval, dim, value, seconds, month) INCLUDE (n);

-- The measurements stored so far have no day: the next start builds them all again (a null zone is "not built").
TRUNCATE measurements, measurement_counts;
UPDATE measurement_basis SET time_zone = NULL, targets = NULL;

-- [RP4] The flagged rows' indexes carry what the report lists of them, so it reads them from the index alone: a
-- year's 12,000 flagged rows were fetched one by one from the incidents and unit responses (0.3–0.4 s).
DROP INDEX incidents_flagged;
CREATE INDEX incidents_flagged ON incidents (received_at) INCLUDE (id, flags) WHERE cardinality(flags) > 0;
DROP INDEX unit_responses_flagged;
CREATE INDEX unit_responses_flagged ON unit_responses (received_at) INCLUDE (incident_id, unit_id, flags) WHERE cardinality(flags) > 0;
