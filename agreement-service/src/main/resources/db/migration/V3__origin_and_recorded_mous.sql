-- Issue 18, item 2: every programme fact says where it comes from. `origin` is now LIVE (made through this suite's
-- workflow) or RECORDED (a past fact entered from its sources); how a live MoU's draft came to be (a RegionSelected
-- event or the ministry by hand) moves to `drafted_from`, null for a recorded MoU (it was never drafted here).
ALTER TABLE mou RENAME COLUMN origin TO drafted_from;
ALTER TABLE mou
    ALTER COLUMN drafted_from DROP NOT NULL,
    ADD COLUMN origin            VARCHAR(10) NOT NULL DEFAULT 'LIVE',
    -- a recorded signing dated by month or year: signed_on is then its first day (null: a day)
    ADD COLUMN signed_precision  VARCHAR(5),
    -- a recorded MoU's number as its source gives it (whose number the source does not always say), and whether the
    -- source gives one at all; null for a live MoU (its numbers are first/second_party_number)
    ADD COLUMN recorded_number   VARCHAR(150),
    ADD COLUMN number_known      BOOLEAN,
    -- the ceremony a recorded MoU was signed at, as its source names it (no ceremony record of this suite)
    ADD COLUMN recorded_ceremony VARCHAR(300),
    ADD CONSTRAINT mou_origin CHECK (origin IN ('LIVE', 'RECORDED')),
    ADD CONSTRAINT mou_signed_precision CHECK (signed_precision IN ('DAY', 'MONTH', 'YEAR')),
    ADD CONSTRAINT mou_drafted_from CHECK ((origin = 'LIVE') = (drafted_from IS NOT NULL));
ALTER TABLE mou ALTER COLUMN origin DROP DEFAULT;

ALTER TABLE local_commitment
    ADD COLUMN origin VARCHAR(10) NOT NULL DEFAULT 'LIVE',
    ADD CONSTRAINT local_commitment_origin CHECK (origin IN ('LIVE', 'RECORDED'));
ALTER TABLE local_commitment ALTER COLUMN origin DROP DEFAULT;

ALTER TABLE mou_ceremony
    ADD COLUMN origin VARCHAR(10) NOT NULL DEFAULT 'LIVE',
    ADD CONSTRAINT mou_ceremony_origin CHECK (origin IN ('LIVE', 'RECORDED'));
ALTER TABLE mou_ceremony ALTER COLUMN origin DROP DEFAULT;
