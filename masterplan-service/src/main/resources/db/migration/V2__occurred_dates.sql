-- Issue 18: every act on the date it happened. An act recorded after the fact keeps its own date (its first possible
-- day) and its precision (DAY, MONTH or YEAR) beside the recording instant; both NULL when the act happened when it
-- was recorded. The review steps and the ratification keep theirs inside their JSON (`occurred`).

ALTER TABLE masterplan ADD COLUMN opened_on DATE;
ALTER TABLE masterplan ADD COLUMN opened_precision VARCHAR(5);

ALTER TABLE masterplan_version ADD COLUMN submitted_on DATE;
ALTER TABLE masterplan_version ADD COLUMN submitted_precision VARCHAR(5);

ALTER TABLE bimtek_stage ADD COLUMN held_on DATE;
ALTER TABLE bimtek_stage ADD COLUMN held_precision VARCHAR(5);
