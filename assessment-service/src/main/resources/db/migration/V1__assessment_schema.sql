-- Readiness assessments: frameworks, cycles, invitations, self-assessments, scores and selections.
-- Revisions ("revision") are the optimistic-concurrency versions sent as ETags.

-- One version of an assessment framework; its content (criteria, sub-dimensions, indicators, scales) is one JSON
-- document, frozen once published.
CREATE TABLE framework_version (
    id           UUID         PRIMARY KEY,
    code         VARCHAR(50)  NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,49}$'),
    version      INTEGER      NOT NULL CHECK (version >= 1),
    status       VARCHAR(10)  NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    content      JSONB        NOT NULL,
    revision     BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    created_by   VARCHAR(255) NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    updated_by   VARCHAR(255) NOT NULL,
    published_at TIMESTAMPTZ,
    published_by VARCHAR(255),
    UNIQUE (code, version),
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);

CREATE TABLE assessment_cycle (
    id                UUID         PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    assessment_year   INTEGER      NOT NULL CHECK (assessment_year BETWEEN 2000 AND 2100),
    programme_year    INTEGER      NOT NULL CHECK (programme_year BETWEEN 2000 AND 2100),
    framework_code    VARCHAR(50)  NOT NULL,
    framework_version INTEGER      NOT NULL,
    schedule          JSONB        NOT NULL,
    quotas            JSONB        NOT NULL,
    state             VARCHAR(20)  NOT NULL CHECK (state IN
                          ('DRAFT', 'INVITING', 'SELF_ASSESSMENT', 'INTERVIEWS', 'SCORING', 'SELECTED', 'CLOSED')),
    revision          BIGINT       NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL,
    created_by        VARCHAR(255) NOT NULL,
    updated_at        TIMESTAMPTZ  NOT NULL,
    updated_by        VARCHAR(255) NOT NULL,
    FOREIGN KEY (framework_code, framework_version) REFERENCES framework_version (code, version)
);
CREATE INDEX assessment_cycle_years ON assessment_cycle (assessment_year DESC, programme_year DESC);

-- A region invited to a cycle, with what the registry said of it when invited (name, level, province).
CREATE TABLE invitation (
    id             UUID         PRIMARY KEY,
    cycle_id       UUID         NOT NULL REFERENCES assessment_cycle (id),
    region_code    VARCHAR(5)   NOT NULL,
    region_name    VARCHAR(150) NOT NULL,
    region_level   VARCHAR(10)  NOT NULL CHECK (region_level IN ('PROVINCE', 'KABUPATEN', 'KOTA')),
    province_code  VARCHAR(2)   NOT NULL,
    province_name  VARCHAR(150) NOT NULL,
    track          VARCHAR(10)  NOT NULL CHECK (track IN ('KAB_KOTA', 'PROVINCE')),
    status         VARCHAR(10)  NOT NULL CHECK (status IN ('INVITED', 'DECLINED')),
    invited_at     TIMESTAMPTZ  NOT NULL,
    invited_by     VARCHAR(255) NOT NULL,
    declined_at    TIMESTAMPTZ,
    declined_by    VARCHAR(255),
    decline_reason VARCHAR(1000),
    revision       BIGINT       NOT NULL,
    UNIQUE (cycle_id, region_code)
);

-- The region's own answers and evidence, one per invitation; read-only once submitted.
CREATE TABLE self_assessment (
    id           UUID         PRIMARY KEY REFERENCES invitation (id),
    cycle_id     UUID         NOT NULL REFERENCES assessment_cycle (id),
    region_code  VARCHAR(5)   NOT NULL,
    status       VARCHAR(10)  NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED')),
    answers      JSONB        NOT NULL,
    revision     BIGINT       NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    updated_by   VARCHAR(255) NOT NULL,
    submitted_at TIMESTAMPTZ,
    submitted_by VARCHAR(255),
    UNIQUE (cycle_id, region_code)
);

-- One assessor's scores of one region in one cycle.
CREATE TABLE scoresheet (
    id                 UUID          PRIMARY KEY,
    cycle_id           UUID          NOT NULL REFERENCES assessment_cycle (id),
    region_code        VARCHAR(5)    NOT NULL,
    assessor_subject   VARCHAR(255)  NOT NULL,
    assessor_username  VARCHAR(255)  NOT NULL,
    scores             JSONB         NOT NULL,
    interview_notes    VARCHAR(4000),
    presentation_notes VARCHAR(4000),
    revision           BIGINT        NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    UNIQUE (cycle_id, region_code, assessor_subject),
    FOREIGN KEY (cycle_id, region_code) REFERENCES invitation (cycle_id, region_code)
);

-- The confirmed selection of a cycle (one per cycle): what later steps (result letters, MoUs) refer to.
CREATE TABLE selection (
    id                UUID         PRIMARY KEY,
    cycle_id          UUID         NOT NULL UNIQUE REFERENCES assessment_cycle (id),
    programme_year    INTEGER      NOT NULL,
    framework_code    VARCHAR(50)  NOT NULL,
    framework_version INTEGER      NOT NULL,
    confirmed_at      TIMESTAMPTZ  NOT NULL,
    confirmed_by      VARCHAR(255) NOT NULL
);

-- The decision for each invited region that did not decline.
CREATE TABLE selection_entry (
    id            UUID          PRIMARY KEY,
    selection_id  UUID          NOT NULL REFERENCES selection (id),
    region_code   VARCHAR(5)    NOT NULL,
    region_name   VARCHAR(150)  NOT NULL,
    province_code VARCHAR(2)    NOT NULL,
    track         VARCHAR(10)   NOT NULL,
    rank          INTEGER,
    score         NUMERIC(5, 2),
    outcome       VARCHAR(30)   NOT NULL,
    selected      BOOLEAN       NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    repeat_of     JSONB         NOT NULL,
    UNIQUE (selection_id, region_code)
);
-- "Earlier cohorts of region X": the selected entries of a region across selections.
CREATE INDEX selection_entry_selected_region ON selection_entry (region_code) WHERE selected;
