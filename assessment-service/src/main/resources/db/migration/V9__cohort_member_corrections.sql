-- Issue 18 item 3: a cohort member is corrected and withdrawn in the open. `revision` starts at 1 and grows with each
-- correction or withdrawal; a withdrawn member stays readable by id (withdrawn_*) but leaves lists, counts and the
-- earlier cohorts. Every earlier value is kept in cohort_member_revision.
ALTER TABLE cohort_member ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE cohort_member ADD COLUMN withdrawn_at TIMESTAMPTZ;
ALTER TABLE cohort_member ADD COLUMN withdrawn_by VARCHAR(255);
ALTER TABLE cohort_member ADD COLUMN withdrawal_reason VARCHAR(2000);
ALTER TABLE cohort_member ADD COLUMN withdrawal_sources JSONB;

CREATE TABLE cohort_member_revision (
    id          UUID          PRIMARY KEY,
    member_id   UUID          NOT NULL REFERENCES cohort_member (id),
    revision    INTEGER       NOT NULL CHECK (revision >= 1),
    changed_at  TIMESTAMPTZ   NOT NULL,
    changed_by  VARCHAR(255)  NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    sources     JSONB         NOT NULL,
    value       JSONB         NOT NULL,
    UNIQUE (member_id, revision)
);
