-- The yearly evaluation (monev): who is due and from when (from other services' events), the yearly evaluation
-- cycles, the regions of a cycle with their self-assessment, the assessors' sheets, and the published results
-- (computed here, or recorded from past years' published figures).

-- A fact that makes a region due, one row per region and basis, from the earliest year any event gave (so the row
-- depends only on which events arrived, not on their order): a ratified masterplan (MasterplanRatified on
-- kotacerdas.masterplan.v1, due from the year after the ratification) or a signed MoU (MouSigned on
-- kotacerdas.agreement.v1, due from the year after its programme year).
CREATE TABLE evaluation_due (
    region_code   VARCHAR(5)   NOT NULL CHECK (region_code ~ '^\d{2}(\.\d{2})?$'),
    basis         VARCHAR(25)  NOT NULL CHECK (basis IN ('MASTERPLAN_RATIFIED', 'PROGRAMME_YEAR')),
    due_from_year INTEGER      NOT NULL CHECK (due_from_year BETWEEN 2000 AND 2101),
    reference     VARCHAR(300) NOT NULL,
    event_id      VARCHAR(255) NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (region_code, basis)
);

-- One evaluation per year, with a published EVALUATION framework version.
CREATE TABLE evaluation_cycle (
    id                       UUID         PRIMARY KEY,
    year                     INTEGER      NOT NULL UNIQUE CHECK (year BETWEEN 2000 AND 2100),
    name                     VARCHAR(200) NOT NULL,
    framework_code           VARCHAR(50)  NOT NULL,
    framework_version        INTEGER      NOT NULL,
    self_assessment_deadline TIMESTAMPTZ,
    state                    VARCHAR(20)  NOT NULL CHECK (state IN
                                 ('DRAFT', 'SELF_ASSESSMENT', 'INTERVIEWS', 'SCORING', 'PUBLISHED', 'CLOSED')),
    revision                 BIGINT       NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    created_by               VARCHAR(255) NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    updated_by               VARCHAR(255) NOT NULL,
    opened_at                TIMESTAMPTZ,
    published_at             TIMESTAMPTZ,
    letter_date              DATE,
    FOREIGN KEY (framework_code, framework_version) REFERENCES framework_version (code, version)
);

-- A region due in a cycle (fixed at the opening, or added by hand), with what the registry said of it, and its
-- self-assessment (evidence per indicator, programmes per pillar): a draft until its one submission.
CREATE TABLE evaluation_region (
    id                     UUID         PRIMARY KEY,
    cycle_id               UUID         NOT NULL REFERENCES evaluation_cycle (id),
    region_code            VARCHAR(5)   NOT NULL,
    region_name            VARCHAR(150) NOT NULL,
    region_level           VARCHAR(10)  NOT NULL CHECK (region_level IN ('PROVINCE', 'KABUPATEN', 'KOTA')),
    province_code          VARCHAR(2)   NOT NULL,
    province_name          VARCHAR(150) NOT NULL,
    basis                  VARCHAR(25)  NOT NULL CHECK (basis IN ('MASTERPLAN_RATIFIED', 'PROGRAMME_YEAR', 'MANUAL')),
    due_from_year          INTEGER,
    added_at               TIMESTAMPTZ  NOT NULL,
    added_by               VARCHAR(255) NOT NULL,
    self_assessment_status VARCHAR(10)  NOT NULL CHECK (self_assessment_status IN ('DRAFT', 'SUBMITTED')),
    answers                JSONB        NOT NULL,
    programmes             JSONB        NOT NULL,
    revision               BIGINT       NOT NULL,
    updated_at             TIMESTAMPTZ  NOT NULL,
    updated_by             VARCHAR(255) NOT NULL,
    submitted_at           TIMESTAMPTZ,
    submitted_by           VARCHAR(255),
    UNIQUE (cycle_id, region_code)
);

-- One assessor's scores of one region due in one evaluation cycle.
CREATE TABLE evaluation_scoresheet (
    id                 UUID          PRIMARY KEY,
    cycle_id           UUID          NOT NULL REFERENCES evaluation_cycle (id),
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
    FOREIGN KEY (cycle_id, region_code) REFERENCES evaluation_region (cycle_id, region_code)
);

-- A region's published result of one year: COMPUTED by a cycle's publication here, or RECORDED from the figures a
-- past year published (without indicator detail). A region's history is its rows, year by year; the delta to the
-- previous evaluation is read from the row before.
CREATE TABLE evaluation (
    id                UUID          PRIMARY KEY,
    year              INTEGER       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    region_code       VARCHAR(5)    NOT NULL,
    region_name       VARCHAR(150)  NOT NULL,
    region_level      VARCHAR(10)   NOT NULL CHECK (region_level IN ('PROVINCE', 'KABUPATEN', 'KOTA')),
    province_code     VARCHAR(2)    NOT NULL,
    province_name     VARCHAR(150)  NOT NULL,
    source            VARCHAR(10)   NOT NULL CHECK (source IN ('COMPUTED', 'RECORDED')),
    cycle_id          UUID          REFERENCES evaluation_cycle (id),
    framework_code    VARCHAR(50),
    framework_version INTEGER,
    index_score       NUMERIC(6, 2) NOT NULL,
    dimensions        JSONB         NOT NULL,
    pillars           JSONB,
    programmes        JSONB,
    national_rank     INTEGER       CHECK (national_rank >= 1),
    ranked_nationally INTEGER,
    provincial_rank   INTEGER       CHECK (provincial_rank >= 1),
    ranked_in_province INTEGER,
    letter_number     VARCHAR(60)   UNIQUE,
    letter_year       INTEGER,
    letter_seq        INTEGER,
    letter_date       DATE,
    source_title      VARCHAR(500),
    source_url        VARCHAR(500),
    note              VARCHAR(2000),
    published_at      TIMESTAMPTZ   NOT NULL,
    published_by      VARCHAR(255)  NOT NULL,
    UNIQUE (region_code, year),
    UNIQUE (letter_year, letter_seq),
    CHECK ((source = 'COMPUTED') = (cycle_id IS NOT NULL)),
    CHECK ((letter_number IS NULL) = (letter_date IS NULL))
);
CREATE INDEX evaluation_year_index ON evaluation (year, index_score DESC);
CREATE INDEX evaluation_cycle_idx ON evaluation (cycle_id);
