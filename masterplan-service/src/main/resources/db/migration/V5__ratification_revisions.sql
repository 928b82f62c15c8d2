-- Issue 18, item 3: a ratification's facts (instrument, number, date) are corrected and withdrawn in the open. The
-- ratification's JSON keeps its `revision` (1 when recorded) and, once withdrawn, its `withdrawn`; every earlier value
-- is kept here with who replaced it, when, why and from which sources. A masterplan recorded from its sources whose
-- ratification is withdrawn is withdrawn itself (`withdrawn_at`): it leaves the lists.

CREATE TABLE ratification_revision (
    id             UUID          PRIMARY KEY,
    masterplan_id  UUID          NOT NULL REFERENCES masterplan (id),
    revision       INTEGER       NOT NULL,
    changed_at     TIMESTAMPTZ   NOT NULL,
    changed_by     VARCHAR(255)  NOT NULL,
    reason         VARCHAR(2000) NOT NULL,
    sources        JSONB         NOT NULL,
    value          JSONB         NOT NULL,
    CONSTRAINT ratification_revision_once UNIQUE (masterplan_id, revision)
);

ALTER TABLE masterplan ADD COLUMN withdrawn_at TIMESTAMPTZ;
