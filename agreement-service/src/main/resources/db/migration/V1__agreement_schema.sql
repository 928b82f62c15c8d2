-- agreement-service: national MoU ceremonies, MoUs (Nota Kesepakatan) with their signed revisions, and the regions'
-- local commitments (komitmen bersama). Region codes are checked against the service's replica of the region
-- registry (platform_region_registry, a platform migration); names are copied in, as they were when recorded.

CREATE TABLE mou_ceremony (
    id              UUID         PRIMARY KEY,
    version         BIGINT       NOT NULL,
    programme_year  INTEGER      NOT NULL,
    title           VARCHAR(300) NOT NULL,
    planned_on      DATE         NOT NULL,
    held_on         DATE,
    state           VARCHAR(20)  NOT NULL,
    host            VARCHAR(300) NOT NULL,
    mode            VARCHAR(20)  NOT NULL,
    venue           VARCHAR(300),
    note            VARCHAR(2000),
    created_at      TIMESTAMPTZ  NOT NULL,
    created_by      VARCHAR(255) NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL,
    updated_by      VARCHAR(255) NOT NULL,
    CONSTRAINT mou_ceremony_state CHECK (state IN ('PLANNED', 'HELD')),
    CONSTRAINT mou_ceremony_mode CHECK (mode IN ('VIRTUAL', 'HYBRID', 'IN_PERSON'))
);
CREATE INDEX mou_ceremony_year ON mou_ceremony (programme_year, planned_on);

CREATE TABLE mou (
    id                  UUID         PRIMARY KEY,
    version             BIGINT       NOT NULL,
    region_code         VARCHAR(5)   NOT NULL,
    region_name         VARCHAR(200) NOT NULL,
    region_level        VARCHAR(20)  NOT NULL,
    province_code       VARCHAR(2)   NOT NULL,
    programme_year      INTEGER      NOT NULL,
    track               VARCHAR(30),
    cycle_id            UUID,
    origin              VARCHAR(30)  NOT NULL,
    origin_event_id     VARCHAR(100),
    state               VARCHAR(20)  NOT NULL,
    kind                VARCHAR(30)  NOT NULL,
    ceremony_id         UUID REFERENCES mou_ceremony (id),
    planned_on          DATE,
    first_party_number  VARCHAR(150),
    second_party_number VARCHAR(150),
    signed_on           DATE,
    valid_until         DATE,
    revision            INTEGER      NOT NULL,
    state_changed_on    DATE,
    state_reason        VARCHAR(2000),
    content             JSONB        NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    created_by          VARCHAR(255) NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    updated_by          VARCHAR(255) NOT NULL,
    CONSTRAINT mou_state CHECK (state IN ('DRAFT', 'SCHEDULED', 'SIGNED', 'EXPIRED', 'TERMINATED', 'WITHDRAWN')),
    CONSTRAINT mou_validity CHECK (valid_until IS NULL OR signed_on IS NULL OR valid_until > signed_on)
);
-- One MoU per region per programme year; a withdrawn draft does not count.
CREATE UNIQUE INDEX mou_one_per_region_year ON mou (region_code, programme_year) WHERE state <> 'WITHDRAWN';
-- Numbers are unique where given: the Ditjen's (pihak pertama) across all MoUs, a region's (pihak kedua) within it.
CREATE UNIQUE INDEX mou_first_party_number ON mou (first_party_number) WHERE first_party_number IS NOT NULL;
CREATE UNIQUE INDEX mou_second_party_number ON mou (region_code, second_party_number) WHERE second_party_number IS NOT NULL;
CREATE INDEX mou_year_state ON mou (programme_year, state);
CREATE INDEX mou_by_ceremony ON mou (ceremony_id) WHERE ceremony_id IS NOT NULL;
CREATE INDEX mou_province ON mou (province_code, programme_year);
CREATE INDEX mou_due_to_expire ON mou (valid_until) WHERE state = 'SIGNED';

-- Every signed text of an MoU: revision 1 as signed, each amendment (adendum) a new one; none is ever changed.
CREATE TABLE mou_revision (
    id           UUID         PRIMARY KEY,
    mou_id       UUID         NOT NULL REFERENCES mou (id),
    revision     INTEGER      NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    effective_on DATE         NOT NULL,
    reason       VARCHAR(2000),
    document     JSONB        NOT NULL,
    recorded_at  TIMESTAMPTZ  NOT NULL,
    recorded_by  VARCHAR(255) NOT NULL,
    CONSTRAINT mou_revision_kind CHECK (kind IN ('SIGNED', 'AMENDMENT')),
    CONSTRAINT mou_revision_unique UNIQUE (mou_id, revision)
);

CREATE TABLE local_commitment (
    id             UUID         PRIMARY KEY,
    version        BIGINT       NOT NULL,
    region_code    VARCHAR(5)   NOT NULL,
    region_name    VARCHAR(200) NOT NULL,
    province_code  VARCHAR(2)   NOT NULL,
    mou_id         UUID REFERENCES mou (id),
    signed_on      DATE         NOT NULL,
    venue          VARCHAR(300) NOT NULL,
    content        JSONB        NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    created_by     VARCHAR(255) NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    updated_by     VARCHAR(255) NOT NULL
);
CREATE INDEX local_commitment_region ON local_commitment (region_code, signed_on DESC);
CREATE INDEX local_commitment_province ON local_commitment (province_code, signed_on DESC);
