-- Issue 18 item 3: a recorded assessment outcome and a result letter are corrected and withdrawn in the open.
-- `revision` starts at 1 and grows with each correction or withdrawal; a withdrawn fact stays readable by id
-- (withdrawn_*) but leaves lists, counts, the cohorts and the statistics. Every earlier value is kept in *_revision.
ALTER TABLE recorded_assessment ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE recorded_assessment ADD COLUMN withdrawn_at TIMESTAMPTZ;
ALTER TABLE recorded_assessment ADD COLUMN withdrawn_by VARCHAR(255);
ALTER TABLE recorded_assessment ADD COLUMN withdrawal_reason VARCHAR(2000);
ALTER TABLE recorded_assessment ADD COLUMN withdrawal_sources JSONB;
ALTER TABLE recorded_assessment ADD CONSTRAINT recorded_assessment_withdrawal
    CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL));

CREATE TABLE recorded_assessment_revision (
    id          UUID          PRIMARY KEY,
    record_id   UUID          NOT NULL REFERENCES recorded_assessment (id),
    revision    INTEGER       NOT NULL CHECK (revision >= 1),
    changed_at  TIMESTAMPTZ   NOT NULL,
    changed_by  VARCHAR(255)  NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    sources     JSONB         NOT NULL,
    value       JSONB         NOT NULL,
    UNIQUE (record_id, revision)
);

-- A letter recorded on its own (origin RECORDED) is corrected (number, date, programme year, regions) and withdrawn
-- with sources; a letter of a cycle (LIVE) is only withdrawn, sources optional (an empty list then).
ALTER TABLE result_letter ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE result_letter ADD COLUMN withdrawn_at TIMESTAMPTZ;
ALTER TABLE result_letter ADD COLUMN withdrawn_by VARCHAR(255);
ALTER TABLE result_letter ADD COLUMN withdrawal_reason VARCHAR(2000);
ALTER TABLE result_letter ADD COLUMN withdrawal_sources JSONB;
ALTER TABLE result_letter ADD CONSTRAINT result_letter_withdrawal
    CHECK ((withdrawn_at IS NULL) = (withdrawal_reason IS NULL));

CREATE TABLE result_letter_revision (
    id          UUID          PRIMARY KEY,
    letter_id   UUID          NOT NULL REFERENCES result_letter (id),
    revision    INTEGER       NOT NULL CHECK (revision >= 1),
    changed_at  TIMESTAMPTZ   NOT NULL,
    changed_by  VARCHAR(255)  NOT NULL,
    reason      VARCHAR(2000) NOT NULL,
    sources     JSONB         NOT NULL,
    value       JSONB         NOT NULL,
    UNIQUE (letter_id, revision)
);
