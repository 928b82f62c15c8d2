-- Issue 18 item 3: a recorded evaluation result is corrected or withdrawn in the open. `revision` starts at 1 and
-- grows with each correction or withdrawal; the current revision's reason and sources (null for revision 1, the
-- recording itself) are kept beside it; every earlier value is a row of evaluation_revision. A withdrawn result
-- stays (readable by id, audited) but leaves the lists, the table, the distribution and the histories, and no longer
-- holds its region and year: only standing results are unique per region and year.
ALTER TABLE evaluation
    ADD COLUMN revision          INTEGER       NOT NULL DEFAULT 1 CHECK (revision >= 1),
    ADD COLUMN revised_at        TIMESTAMPTZ,
    ADD COLUMN revised_by        VARCHAR(255),
    ADD COLUMN revision_reason   VARCHAR(2000),
    ADD COLUMN revision_sources  JSONB,
    ADD COLUMN withdrawn_at      TIMESTAMPTZ,
    ADD COLUMN withdrawn_by      VARCHAR(255),
    ADD COLUMN withdrawal_reason VARCHAR(2000),
    ADD COLUMN withdrawal_sources JSONB;
ALTER TABLE evaluation DROP CONSTRAINT evaluation_region_code_year_key;
CREATE UNIQUE INDEX evaluation_standing_region_year ON evaluation (region_code, year) WHERE withdrawn_at IS NULL;

CREATE TABLE evaluation_revision (
    evaluation_id UUID          NOT NULL REFERENCES evaluation (id),
    revision      INTEGER       NOT NULL CHECK (revision >= 1),
    made_at       TIMESTAMPTZ   NOT NULL,
    made_by       VARCHAR(255)  NOT NULL,
    reason        VARCHAR(2000),
    sources       JSONB,
    value         JSONB         NOT NULL,
    PRIMARY KEY (evaluation_id, revision)
);
