-- Issue 18: an act recorded after the fact may be known to the month only (its timeline entry sits on the 1st).
ALTER TABLE timeline_entry DROP CONSTRAINT timeline_entry_date_precision_check;
ALTER TABLE timeline_entry ADD CONSTRAINT timeline_entry_date_precision_check
    CHECK (date_precision IN ('INSTANT', 'DAY', 'MONTH', 'YEAR'));
