-- Issue 18 item 2: one region's outcome of a past assessment, recorded from its sources
-- (POST /api/v1/recorded-assessments). Its own table: never the live cycle tables. Natural key: (programme year,
-- track, region). What the source does not give stays unknown: score/rank null with score_known/rank_known false,
-- invited/submitted dates null. Dates as in V5 (first possible day + precision).
CREATE TABLE recorded_assessment (
    id                  UUID          PRIMARY KEY,
    programme_year      INTEGER       NOT NULL CHECK (programme_year BETWEEN 2017 AND 2100),
    track               VARCHAR(10)   NOT NULL CHECK (track IN ('KAB_KOTA', 'PROVINCE')),
    assessment_year     INTEGER       CHECK (assessment_year BETWEEN 2016 AND 2100),
    region_code         VARCHAR(5)    NOT NULL CHECK (region_code ~ '^\d{2}(\.\d{2})?$'),
    region_name         VARCHAR(150)  NOT NULL,
    region_level        VARCHAR(10)   NOT NULL,
    province_code       VARCHAR(2)    NOT NULL,
    outcome             VARCHAR(12)   NOT NULL CHECK (outcome IN ('SELECTED', 'NOT_SELECTED')),
    score               NUMERIC(5, 2) CHECK (score BETWEEN 0 AND 100),
    score_known         BOOLEAN       NOT NULL,
    rank                INTEGER       CHECK (rank >= 1),
    rank_known          BOOLEAN       NOT NULL,
    invited_on          DATE,
    invited_precision   VARCHAR(5),
    submitted_on        DATE,
    submitted_precision VARCHAR(5),
    outcome_on          DATE          NOT NULL,
    outcome_precision   VARCHAR(5)    NOT NULL CHECK (outcome_precision IN ('DAY', 'MONTH', 'YEAR')),
    sources             JSONB         NOT NULL,
    recorded_at         TIMESTAMPTZ   NOT NULL,
    recorded_by         VARCHAR(255)  NOT NULL,
    UNIQUE (programme_year, track, region_code),
    CHECK (score_known = (score IS NOT NULL)),
    CHECK (rank_known = (rank IS NOT NULL)),
    CHECK ((invited_on IS NULL) = (invited_precision IS NULL)),
    CHECK ((submitted_on IS NULL) = (submitted_precision IS NULL))
);
CREATE INDEX recorded_assessment_region ON recorded_assessment (region_code);
