-- Issue 18, item 3: corrections and withdrawals of local commitments in the open. A commitment's revision is 1 as
-- recorded, one more per correction and for the withdrawal; every earlier value is kept in
-- local_commitment_revision (revision 1 is written there at the first correction or withdrawal). A withdrawn
-- commitment stays readable by id but leaves lists.
ALTER TABLE local_commitment
    ADD COLUMN revision          INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN withdrawn_at      TIMESTAMPTZ,
    ADD COLUMN withdrawn_by      VARCHAR(255),
    ADD COLUMN withdrawn_reason  VARCHAR(2000),
    ADD COLUMN withdrawn_sources JSONB;

CREATE TABLE local_commitment_revision (
    id            UUID PRIMARY KEY,
    commitment_id UUID         NOT NULL REFERENCES local_commitment (id),
    revision      INTEGER      NOT NULL,
    kind          VARCHAR(20)  NOT NULL CONSTRAINT local_commitment_revision_kind
                      CHECK (kind IN ('RECORDED', 'CORRECTION', 'WITHDRAWAL')),
    reason        VARCHAR(2000),
    sources       JSONB,
    value         JSONB        NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    recorded_by   VARCHAR(255) NOT NULL,
    CONSTRAINT local_commitment_revision_once UNIQUE (commitment_id, revision)
);
