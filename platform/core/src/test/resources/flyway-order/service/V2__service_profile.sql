-- Fixture of PlatformMigrationOrderTest: a service's second migration, using a platform table.
CREATE TABLE fixture_profile (
    code         VARCHAR(13) PRIMARY KEY REFERENCES fixture_region (code),
    last_event   UUID REFERENCES outbox_event (id)
);
