-- Issue 18, item 3: corrections and withdrawals of recorded facts in the open. A recorded MoU's revision counts its
-- record's versions (1 as recorded, one more per correction or withdrawal); every one is kept in mou_revision (kind
-- CORRECTION / WITHDRAWAL, with the reason and the sources of the change). A withdrawn record stays readable but
-- leaves lists and counts, and no longer holds its region and year.
ALTER TABLE mou
    ADD COLUMN withdrawn_at      TIMESTAMPTZ,
    ADD COLUMN withdrawn_by      VARCHAR(255),
    ADD COLUMN withdrawn_reason  VARCHAR(2000),
    ADD COLUMN withdrawn_sources JSONB;
DROP INDEX mou_one_per_region_year;
CREATE UNIQUE INDEX mou_one_per_region_year ON mou (region_code, programme_year)
    WHERE state <> 'WITHDRAWN' AND withdrawn_at IS NULL;

ALTER TABLE mou_revision
    ADD COLUMN sources JSONB,
    DROP CONSTRAINT mou_revision_kind,
    ADD CONSTRAINT mou_revision_kind CHECK (kind IN ('SIGNED', 'AMENDMENT', 'CORRECTION', 'WITHDRAWAL'));
