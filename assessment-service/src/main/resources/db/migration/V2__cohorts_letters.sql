-- Cohorts of the programme's history and the declared figures, imported from reference-data/cohorts/.
-- The cohorts of this service's own selections are the selected entries of `selection_entry`.

-- An identified member of a historical cohort, with the source that names it (current Kemendagri code).
CREATE TABLE cohort_member (
    id             UUID          PRIMARY KEY,
    programme_year INTEGER       NOT NULL CHECK (programme_year BETWEEN 2000 AND 2100),
    track          VARCHAR(10)   NOT NULL CHECK (track IN ('KAB_KOTA', 'PROVINCE')),
    region_code    VARCHAR(5)    NOT NULL CHECK (region_code ~ '^\d{2}(\.\d{2})?$'),
    region_name    VARCHAR(150)  NOT NULL,
    region_level   VARCHAR(10)   NOT NULL CHECK (region_level IN ('PROVINCE', 'KABUPATEN', 'KOTA')),
    repeat_of_year INTEGER,
    source_url     VARCHAR(500)  NOT NULL,
    confidence     VARCHAR(10)   NOT NULL CHECK (confidence IN ('confirmed', 'partial')),
    notes          VARCHAR(2000),
    recorded_at    TIMESTAMPTZ   NOT NULL,
    UNIQUE (programme_year, region_code)
);
CREATE INDEX cohort_member_region ON cohort_member (region_code);

-- What the ministry declared of a cohort: its size and its repeats (0 = none declared).
CREATE TABLE declared_cohort (
    id             UUID          PRIMARY KEY,
    programme_year INTEGER       NOT NULL CHECK (programme_year BETWEEN 2000 AND 2100),
    track          VARCHAR(10)   NOT NULL CHECK (track IN ('KAB_KOTA', 'PROVINCE')),
    size           INTEGER       NOT NULL CHECK (size >= 0),
    repeats        INTEGER       NOT NULL CHECK (repeats >= 0),
    source_url     VARCHAR(500)  NOT NULL,
    note           VARCHAR(1000),
    recorded_at    TIMESTAMPTZ   NOT NULL,
    UNIQUE (programme_year, track),
    CHECK (repeats <= size)
);

-- "Penyampaian Hasil Asesmen" letters of the Direktur Jenderal Aplikasi Informatika: B-{n}/DJAI/AI.01.02/{MM}/{YYYY}.
-- n runs per year of the letter's date and is never reused (UNIQUE (number_year, number_seq)).
CREATE TABLE result_letter (
    id             UUID          PRIMARY KEY,
    number         VARCHAR(60)   NOT NULL UNIQUE,
    number_year    INTEGER       NOT NULL,
    number_seq     INTEGER       NOT NULL CHECK (number_seq >= 1),
    letter_date    DATE          NOT NULL,
    cycle_id       UUID          NOT NULL REFERENCES assessment_cycle (id),
    selection_id   UUID          NOT NULL REFERENCES selection (id),
    programme_year INTEGER       NOT NULL,
    regions        JSONB         NOT NULL,
    recorded       BOOLEAN       NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    created_by     VARCHAR(255)  NOT NULL,
    UNIQUE (number_year, number_seq),
    CHECK (number_year = EXTRACT(YEAR FROM letter_date))
);
CREATE INDEX result_letter_cycle ON result_letter (cycle_id);

-- The last letter number used per year; locked (SELECT ... FOR UPDATE) by the transaction that issues a letter.
CREATE TABLE result_letter_counter (
    number_year INTEGER PRIMARY KEY,
    last_seq    INTEGER NOT NULL CHECK (last_seq >= 0)
);
