-- masterplan-service: each region's masterplan work (one per region and programme year), its frozen versions,
-- its four bimtek stages, and the RPJMD periods it keeps from region-service's profile events.

CREATE TABLE masterplan (
    id                  UUID         PRIMARY KEY,
    version             BIGINT       NOT NULL,
    region_code         VARCHAR(5)   NOT NULL,
    region_name         VARCHAR(150),
    programme_year      INTEGER      NOT NULL,
    kind                VARCHAR(20)  NOT NULL,
    title               VARCHAR(300) NOT NULL,
    origin              VARCHAR(20)  NOT NULL,
    mou_id              UUID,
    mou_signed_on       DATE,
    state               VARCHAR(30)  NOT NULL,
    document            JSONB        NOT NULL,
    version_count       INTEGER      NOT NULL,
    reviews             JSONB        NOT NULL,
    ratification        JSONB,
    bimtek_completed_on DATE,
    opened_at           TIMESTAMPTZ  NOT NULL,
    opened_by           VARCHAR(255) NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    updated_by          VARCHAR(255) NOT NULL,
    CONSTRAINT masterplan_one_per_region_and_year UNIQUE (region_code, programme_year)
);
CREATE INDEX masterplan_region ON masterplan (region_code);

-- Every submission freezes the document as it was.
CREATE TABLE masterplan_version (
    id             UUID         PRIMARY KEY,
    masterplan_id  UUID         NOT NULL REFERENCES masterplan (id),
    number         INTEGER      NOT NULL,
    document       JSONB        NOT NULL,
    submitted_at   TIMESTAMPTZ  NOT NULL,
    submitted_by   VARCHAR(255) NOT NULL,
    CONSTRAINT masterplan_version_number UNIQUE (masterplan_id, number)
);

CREATE TABLE bimtek_stage (
    id               UUID         PRIMARY KEY,
    version          BIGINT       NOT NULL,
    masterplan_id    UUID         NOT NULL REFERENCES masterplan (id),
    stage            INTEGER      NOT NULL CHECK (stage BETWEEN 1 AND 4),
    state            VARCHAR(20)  NOT NULL,
    purpose          VARCHAR(1000) NOT NULL,
    start_date       DATE         NOT NULL,
    end_date         DATE         NOT NULL,
    mode             VARCHAR(20)  NOT NULL,
    venue            VARCHAR(300),
    guides           JSONB        NOT NULL,
    attendance       JSONB,
    outputs          JSONB        NOT NULL,
    notes            VARCHAR(2000),
    cancel_reason    VARCHAR(1000),
    reschedule_count INTEGER      NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    created_by       VARCHAR(255) NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL,
    updated_by       VARCHAR(255) NOT NULL,
    CONSTRAINT bimtek_stage_once UNIQUE (masterplan_id, stage)
);

-- The RPJMD periods of each region, from RegionProfileCreated/Updated (kotacerdas.region.v1): the newest profile
-- version per region wins, whatever order the events arrive in.
CREATE TABLE region_rpjmd (
    region_code     VARCHAR(5)   PRIMARY KEY,
    profile_version BIGINT       NOT NULL,
    periods         JSONB        NOT NULL,
    changed_at      TIMESTAMPTZ  NOT NULL,
    event_id        VARCHAR(255) NOT NULL
);
