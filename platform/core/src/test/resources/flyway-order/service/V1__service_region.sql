-- Fixture of PlatformMigrationOrderTest: a service's own first migration.
CREATE TABLE fixture_region (
    code VARCHAR(13) PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);
