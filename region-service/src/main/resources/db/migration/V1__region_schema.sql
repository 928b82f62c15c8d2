-- Regions: provinces and kabupaten/kota with their official Kemendagri codes (reference data).

-- How people type a region's name, reduced to a key: lower case, no "Kabupaten"/"Kab."/"Kota"/
-- "Provinsi" prefix, no spaces or punctuation. "Kab. Sumbawa  Barat" and "sumbawabarat" meet.
CREATE FUNCTION kc_normalize(input TEXT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE RETURNS NULL ON NULL INPUT AS $$
    SELECT regexp_replace(
               regexp_replace(lower(input),
                   '^\s*(kabupaten administrasi|kota administrasi|kabupaten|kota|provinsi|kab|prov)(\.\s*|\s+)', ''),
               '[^a-z0-9]', '', 'g')
$$;

CREATE TABLE region (
    code              VARCHAR(5)    PRIMARY KEY CHECK (code ~ '^\d{2}(\.\d{2})?$'),
    level             VARCHAR(10)   NOT NULL CHECK (level IN ('PROVINCE', 'KABUPATEN', 'KOTA')),
    parent_code       VARCHAR(2)    REFERENCES region (code),
    name              VARCHAR(150)  NOT NULL,
    region_group      VARCHAR(50)   NOT NULL,
    administrative    BOOLEAN       NOT NULL DEFAULT false,
    alt_names         TEXT          NOT NULL DEFAULT '', -- alternative spellings, separated by |
    district_count    INTEGER       NOT NULL,
    kelurahan_count   INTEGER       NOT NULL,
    desa_count        INTEGER       NOT NULL,
    area_km2          NUMERIC(12,3) NOT NULL,
    population        BIGINT        NOT NULL,
    population_male   BIGINT        NOT NULL,
    population_female BIGINT        NOT NULL,
    island_count      INTEGER       NOT NULL,
    lat               NUMERIC(9,6)  NOT NULL,
    lng               NUMERIC(9,6)  NOT NULL,
    search_text       TEXT          NOT NULL DEFAULT '',
    CHECK ((level = 'PROVINCE') = (parent_code IS NULL))
);
CREATE INDEX region_parent ON region (parent_code);
CREATE INDEX region_level ON region (level);

-- Kemendagri codes that were replaced (the 26 Papua kabupaten/kota recoded in 2022).
CREATE TABLE region_code_change (
    old_code          VARCHAR(5)   PRIMARY KEY,
    new_code          VARCHAR(5)   NOT NULL REFERENCES region (code),
    name              VARCHAR(150) NOT NULL,
    old_province_code VARCHAR(2)   NOT NULL,
    new_province_code VARCHAR(2)   NOT NULL,
    legal_basis       VARCHAR(300) NOT NULL
);
