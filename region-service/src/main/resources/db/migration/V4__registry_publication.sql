-- Which version of the reference data was published as the region registry
-- (RegionRegistered events on kotacerdas.region-registry.v1), so a start-up publishes only a version
-- that is not the last one published. One row per publication; the newest row (highest seq) counts.
CREATE TABLE region_registry_publication (
    seq              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    registry_version BIGINT      NOT NULL CHECK (registry_version > 0),
    -- SHA-256 of the published records (without version and size): a change of the data under the same
    -- reference migration version is published again
    digest           CHAR(64)    NOT NULL,
    registry_size    INTEGER     NOT NULL CHECK (registry_size > 0),
    published_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX region_registry_publication_version ON region_registry_publication (registry_version, digest);
