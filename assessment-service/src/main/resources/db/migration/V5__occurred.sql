-- Issue 18: every programme act on the date it happened. A write that records an act after the fact gives its date
-- with its precision (platform Occurred): stored here as the first day it may be (<act>_on) and its precision
-- (DAY, MONTH, YEAR), beside the recording instant that stays as it was. Both NULL: the act happened when it was
-- recorded.

ALTER TABLE invitation
    ADD COLUMN invited_on        DATE,
    ADD COLUMN invited_precision VARCHAR(5),
    ADD CONSTRAINT invitation_invited_occurred CHECK ((invited_on IS NULL) = (invited_precision IS NULL)
        AND (invited_precision IS NULL OR invited_precision IN ('DAY', 'MONTH', 'YEAR')));

ALTER TABLE self_assessment
    ADD COLUMN submitted_on        DATE,
    ADD COLUMN submitted_precision VARCHAR(5),
    ADD CONSTRAINT self_assessment_submitted_occurred CHECK ((submitted_on IS NULL) = (submitted_precision IS NULL)
        AND (submitted_precision IS NULL OR submitted_precision IN ('DAY', 'MONTH', 'YEAR')));

ALTER TABLE scoresheet
    ADD COLUMN scored_on        DATE,
    ADD COLUMN scored_precision VARCHAR(5),
    ADD CONSTRAINT scoresheet_scored_occurred CHECK ((scored_on IS NULL) = (scored_precision IS NULL)
        AND (scored_precision IS NULL OR scored_precision IN ('DAY', 'MONTH', 'YEAR')));

ALTER TABLE selection
    ADD COLUMN selected_on        DATE,
    ADD COLUMN selected_precision VARCHAR(5),
    ADD CONSTRAINT selection_selected_occurred CHECK ((selected_on IS NULL) = (selected_precision IS NULL)
        AND (selected_precision IS NULL OR selected_precision IN ('DAY', 'MONTH', 'YEAR')));

ALTER TABLE cohort_member
    ADD COLUMN member_on        DATE,
    ADD COLUMN member_precision VARCHAR(5),
    ADD CONSTRAINT cohort_member_occurred CHECK ((member_on IS NULL) = (member_precision IS NULL)
        AND (member_precision IS NULL OR member_precision IN ('DAY', 'MONTH', 'YEAR')));

ALTER TABLE evaluation_cycle
    ADD COLUMN published_on        DATE,
    ADD COLUMN published_precision VARCHAR(5),
    ADD CONSTRAINT evaluation_cycle_published_occurred CHECK ((published_on IS NULL) = (published_precision IS NULL)
        AND (published_precision IS NULL OR published_precision IN ('DAY', 'MONTH', 'YEAR')));

ALTER TABLE evaluation
    ADD COLUMN published_on        DATE,
    ADD COLUMN published_precision VARCHAR(5),
    ADD CONSTRAINT evaluation_published_occurred CHECK ((published_on IS NULL) = (published_precision IS NULL)
        AND (published_precision IS NULL OR published_precision IN ('DAY', 'MONTH', 'YEAR')));
