-- Issue 18, item 1: every act on the date it happened. An act recorded after the fact keeps the date its write gave
-- (`occurred`: the first day of the date, with its precision DAY / MONTH / YEAR); without one the act happened when
-- it was recorded (created_at for the draft, scheduled_at for the scheduling). The signing, an amendment and a
-- termination carry their own days (signed_on, mou_revision.effective_on, state_changed_on).
ALTER TABLE mou
    ADD COLUMN drafted_on              DATE,
    ADD COLUMN drafted_precision       VARCHAR(5),
    ADD COLUMN scheduled_on            DATE,
    ADD COLUMN scheduled_precision     VARCHAR(5),
    ADD COLUMN scheduled_at            TIMESTAMPTZ,
    ADD COLUMN state_changed_precision VARCHAR(5),
    ADD CONSTRAINT mou_drafted_precision CHECK (drafted_precision IN ('DAY', 'MONTH', 'YEAR')),
    ADD CONSTRAINT mou_scheduled_precision CHECK (scheduled_precision IN ('DAY', 'MONTH', 'YEAR')),
    ADD CONSTRAINT mou_state_changed_precision CHECK (state_changed_precision IN ('DAY', 'MONTH', 'YEAR')),
    ADD CONSTRAINT mou_drafted_dated CHECK ((drafted_on IS NULL) = (drafted_precision IS NULL)),
    ADD CONSTRAINT mou_scheduled_dated CHECK ((scheduled_on IS NULL) = (scheduled_precision IS NULL));
