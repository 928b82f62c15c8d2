-- The service's own replica of the region registry (RegionRegistered events of kotacerdas.region-registry.v1,
-- platform-registry). One row per Kemendagri code, the newest registry version wins; a replay changes nothing.
CREATE TABLE platform_region_registry (
    code             VARCHAR(20)   PRIMARY KEY,
    name             VARCHAR(200)  NOT NULL,
    level            VARCHAR(20)   NOT NULL,
    parent_code      VARCHAR(20),
    province_code    VARCHAR(20)   NOT NULL,
    province_name    VARCHAR(200)  NOT NULL,
    administrative   BOOLEAN       NOT NULL,
    replaced_by      VARCHAR(20),
    replaces         VARCHAR(20)[] NOT NULL DEFAULT '{}',
    registry_version BIGINT        NOT NULL,
    registry_size    INTEGER       NOT NULL,
    -- the CloudEvent (ce_id) that last changed the row, and when
    event_id         VARCHAR(200),
    changed_at       TIMESTAMPTZ   NOT NULL
);
CREATE INDEX platform_region_registry_version ON platform_region_registry (registry_version);
