-- Issue 18 item 3: an evaluation cycle that got stuck is cancelled with a reason (POST .../cancellation), from any
-- state but the final ones (CLOSED, CANCELLED). Results a cancelled cycle published stay.
ALTER TABLE evaluation_cycle DROP CONSTRAINT evaluation_cycle_state_check;
ALTER TABLE evaluation_cycle ADD CONSTRAINT evaluation_cycle_state_check CHECK (state IN
    ('DRAFT', 'SELF_ASSESSMENT', 'INTERVIEWS', 'SCORING', 'PUBLISHED', 'CLOSED', 'CANCELLED'));
ALTER TABLE evaluation_cycle
    ADD COLUMN cancelled_at        TIMESTAMPTZ,
    ADD COLUMN cancelled_by        VARCHAR(255),
    ADD COLUMN cancellation_reason VARCHAR(2000),
    ADD CONSTRAINT evaluation_cycle_cancelled CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL));
