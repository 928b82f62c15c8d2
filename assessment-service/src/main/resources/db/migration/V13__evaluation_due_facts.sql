-- Issue 18 item 3: an MoU or a ratification may be corrected or withdrawn at its source service. The due list keeps
-- one row per fact (an MoU, a masterplan's ratification) with the revision it was last given at (0: the creation
-- event, n: the correction that made revision n) and whether it was withdrawn; evaluation_due (one row per region and
-- basis, the earliest due year) is derived from the facts that stand. Any order of creation, corrections and
-- withdrawal gives the same rows: a higher revision wins, equal revisions keep the earliest year, a withdrawal is
-- final. The rows made before (from events without a fact id) are kept as facts of their own.
CREATE TABLE evaluation_due_fact (
    basis         VARCHAR(25)  NOT NULL CHECK (basis IN ('MASTERPLAN_RATIFIED', 'PROGRAMME_YEAR')),
    fact_id       VARCHAR(300) NOT NULL,
    region_code   VARCHAR(5)   NOT NULL CHECK (region_code ~ '^\d{2}(\.\d{2})?$'),
    due_from_year INTEGER      CHECK (due_from_year BETWEEN 2000 AND 2101),
    reference     VARCHAR(300),
    fact_revision INTEGER      NOT NULL CHECK (fact_revision >= 0),
    withdrawn     BOOLEAN      NOT NULL DEFAULT FALSE,
    event_id      VARCHAR(255) NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (basis, fact_id)
);
CREATE INDEX evaluation_due_fact_region ON evaluation_due_fact (region_code, basis);
INSERT INTO evaluation_due_fact (basis, fact_id, region_code, due_from_year, reference, fact_revision, withdrawn,
        event_id, occurred_at)
    SELECT basis, 'event:' || event_id, region_code, due_from_year, reference, 0, FALSE, event_id, occurred_at
    FROM evaluation_due;
