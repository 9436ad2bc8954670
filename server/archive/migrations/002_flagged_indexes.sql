-- [RP2b][RP4] The intervals report counts and lists the flagged rows of its range. They are a few percent of the rows, so
-- without these the report read the whole of both tables for them (the incidents with their documents: a year of
-- a city is some 600 MB). The predicates are the report's own, so PostgreSQL can use the indexes for it.
CREATE INDEX incidents_flagged ON incidents (received_at) WHERE cardinality(flags) > 0;
CREATE INDEX unit_responses_flagged ON unit_responses (received_at) WHERE cardinality(flags) > 0;
