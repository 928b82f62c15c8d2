-- Each region's programme timeline, kept from the events of assessment-, agreement- and masterplan-service and of
-- the evaluation (monev) topic, plus the Dewan Smart City SK from region-service's own profiles. Everything here
-- except the PROFILE entries is derived from the topics: a rebuild of the consumers (POST /admin/consumers/{channel}/
-- rebuild) deletes what came from a topic and replays it.

-- One fact on a region's timeline. entry_key = region code | fact key: an event's facts are upserted by it, so a
-- redelivered or replayed event, or one that restates a fact (the latest score of a cycle), leaves one row.
CREATE TABLE timeline_entry (
    entry_key        VARCHAR(400) PRIMARY KEY,
    region_code      VARCHAR(13)  NOT NULL,
    fact_key         VARCHAR(380) NOT NULL,
    kind             VARCHAR(40)  NOT NULL,
    kind_order       INTEGER      NOT NULL,  -- the kind's place in the programme (domain.TimelineKind), a tie-breaker
    occurred_on      DATE         NOT NULL,  -- the day the fact happened (Asia/Jakarta), from the payload
    occurred_at      TIMESTAMPTZ,            -- the instant, when the payload gives one
    date_precision   VARCHAR(10)  NOT NULL CHECK (date_precision IN ('INSTANT', 'DAY', 'YEAR')),
    programme_year   INTEGER,
    summary          TEXT         NOT NULL,
    facts            JSONB        NOT NULL,
    source_kind      VARCHAR(10)  NOT NULL CHECK (source_kind IN ('EVENT', 'PROFILE')),
    source_topic     VARCHAR(255),
    source_type      VARCHAR(255),
    source_event_id  VARCHAR(255),
    source_time      TIMESTAMPTZ,
    source_partition INTEGER,
    source_offset    BIGINT,
    profile_version  BIGINT
);
-- the timeline's order: fact date, programme order of the kind, instant, event time, event id, fact key
CREATE INDEX timeline_entry_order ON timeline_entry
    (region_code, occurred_on, kind_order, occurred_at, source_time, source_event_id, fact_key);
CREATE INDEX timeline_entry_topic ON timeline_entry (source_topic);

-- The programme stage derived from a region's timeline (domain.StageDerivation), recomputed whenever it changes.
CREATE TABLE region_programme (
    region_code VARCHAR(13) PRIMARY KEY,
    stage       VARCHAR(30) NOT NULL,
    stage_year  INTEGER,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX region_programme_stage ON region_programme (stage);

-- The programme years a region took part in (selected, cohort member, MoU, masterplan work).
CREATE TABLE region_programme_year (
    region_code    VARCHAR(13) NOT NULL,
    programme_year INTEGER     NOT NULL,
    PRIMARY KEY (region_code, programme_year)
);
CREATE INDEX region_programme_year_year ON region_programme_year (programme_year);

-- Small projections for the dossier: the latest state of each MoU, masterplan and evaluation, from its events.
CREATE TABLE programme_mou (
    mou_id          UUID         PRIMARY KEY,
    region_code     VARCHAR(13)  NOT NULL,
    programme_year  INTEGER,
    state           VARCHAR(20)  NOT NULL,
    details         JSONB        NOT NULL,
    last_event_time TIMESTAMPTZ  NOT NULL,
    last_event_id   VARCHAR(255) NOT NULL
);
CREATE INDEX programme_mou_region ON programme_mou (region_code);

CREATE TABLE programme_masterplan (
    masterplan_id   UUID         PRIMARY KEY,
    region_code     VARCHAR(13)  NOT NULL,
    programme_year  INTEGER,
    state           VARCHAR(30)  NOT NULL,
    details         JSONB        NOT NULL,
    last_event_time TIMESTAMPTZ  NOT NULL,
    last_event_id   VARCHAR(255) NOT NULL
);
CREATE INDEX programme_masterplan_region ON programme_masterplan (region_code);

CREATE TABLE programme_evaluation (
    evaluation_id   UUID         PRIMARY KEY,
    region_code     VARCHAR(13)  NOT NULL,
    evaluation_year INTEGER      NOT NULL,
    details         JSONB        NOT NULL,
    last_event_time TIMESTAMPTZ  NOT NULL,
    last_event_id   VARCHAR(255) NOT NULL
);
CREATE INDEX programme_evaluation_region ON programme_evaluation (region_code);

-- Profiles that already name their Dewan Smart City SK get their timeline entry (what service.ProfileTimeline
-- writes on every later profile change; kind_order 100 = TimelineKind.DEWAN_SMART_CITY_FORMED).
INSERT INTO timeline_entry (entry_key, region_code, fact_key, kind, kind_order, occurred_on, occurred_at, date_precision,
                            programme_year, summary, facts, source_kind, profile_version)
SELECT region_code || '|dewan-smart-city-sk', region_code, 'dewan-smart-city-sk', 'DEWAN_SMART_CITY_FORMED', 100,
       CAST(data -> 'dewanSmartCity' ->> 'skDate' AS DATE), NULL, 'DAY', NULL,
       'Dewan Smart City formed by SK ' || coalesce(data -> 'dewanSmartCity' ->> 'skNumber', '(number not recorded)'),
       jsonb_build_object('skNumber', data -> 'dewanSmartCity' -> 'skNumber',
                          'skDate', data -> 'dewanSmartCity' -> 'skDate',
                          'members', CASE WHEN jsonb_typeof(data -> 'dewanSmartCity' -> 'members') = 'array'
                                          THEN jsonb_array_length(data -> 'dewanSmartCity' -> 'members') ELSE 0 END),
       'PROFILE', version
FROM region_profile
WHERE data -> 'dewanSmartCity' ->> 'skDate' IS NOT NULL;
