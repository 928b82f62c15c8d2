-- Issue 18, item 2: masterplans recorded from their sources (POST /api/v1/recorded-masterplans), known only by their
-- ratification. Their content was never recorded (`content_recorded` false; the stored document stays empty); a
-- self-made plan may be recorded without a programme year, and the source may not give a title.

ALTER TABLE masterplan ALTER COLUMN programme_year DROP NOT NULL;
ALTER TABLE masterplan ALTER COLUMN title DROP NOT NULL;
ALTER TABLE masterplan ADD COLUMN content_recorded BOOLEAN NOT NULL DEFAULT TRUE;

-- A self-made plan recorded without a programme year is identified by its region and its instrument's number.
CREATE UNIQUE INDEX masterplan_recorded_without_year ON masterplan (region_code, (ratification ->> 'number'))
    WHERE programme_year IS NULL;
