-- Issue 18 item 3: an assessment cycle that got stuck is cancelled with a reason (POST .../cancellation), from any
-- state before its selection is confirmed (not SELECTED, CLOSED, CANCELLED); one region's invitation is cancelled with
-- a reason while the cycle's selection is not confirmed and the region neither declined nor was cancelled.
ALTER TABLE assessment_cycle DROP CONSTRAINT assessment_cycle_state_check;
ALTER TABLE assessment_cycle ADD CONSTRAINT assessment_cycle_state_check CHECK (state IN
    ('DRAFT', 'INVITING', 'SELF_ASSESSMENT', 'INTERVIEWS', 'SCORING', 'SELECTED', 'CLOSED', 'CANCELLED'));
ALTER TABLE assessment_cycle
    ADD COLUMN cancelled_at        TIMESTAMPTZ,
    ADD COLUMN cancelled_by        VARCHAR(255),
    ADD COLUMN cancellation_reason VARCHAR(2000),
    -- the state it was cancelled from: a cycle cancelled as a DRAFT was never opened and stays hidden as drafts are
    ADD COLUMN cancelled_from      VARCHAR(20) CHECK (cancelled_from IN
        ('DRAFT', 'INVITING', 'SELF_ASSESSMENT', 'INTERVIEWS', 'SCORING')),
    ADD CONSTRAINT assessment_cycle_cancelled CHECK ((state = 'CANCELLED') = (cancelled_at IS NOT NULL)
        AND (cancelled_at IS NULL) = (cancelled_by IS NULL) AND (cancelled_at IS NULL) = (cancellation_reason IS NULL)
        AND (cancelled_at IS NULL) = (cancelled_from IS NULL));

ALTER TABLE invitation DROP CONSTRAINT invitation_status_check;
ALTER TABLE invitation ADD CONSTRAINT invitation_status_check CHECK (status IN ('INVITED', 'DECLINED', 'CANCELLED'));
ALTER TABLE invitation
    ADD COLUMN cancelled_at        TIMESTAMPTZ,
    ADD COLUMN cancelled_by        VARCHAR(255),
    ADD COLUMN cancellation_reason VARCHAR(2000),
    ADD CONSTRAINT invitation_cancelled CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)
        AND (cancelled_at IS NULL) = (cancelled_by IS NULL) AND (cancelled_at IS NULL) = (cancellation_reason IS NULL));
