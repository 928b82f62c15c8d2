-- Issue 21: every instance of region-service follows a new reference-data version without a restart.
--
-- A reference-data migration (V<n>__reference_<what>.sql) is applied by one instance only: the one whose Flyway
-- takes the migration lock first. The others serve their registry snapshot until they learn of the new version.
-- This function, a trigger on Flyway's history table, sends NOTIFY region_reference_data whenever a row of a
-- reference-data migration is added, changed (flyway repair) or removed. PostgreSQL delivers it when Flyway commits
-- the history row (after the migration's own transaction), whoever ran it (an instance at start-up, the Flyway CLI,
-- an operator), so the data and the new version are visible to every listener by then. Every instance LISTENs
-- (service.ReferenceDataVersion), re-reads the version and, when it differs, the region index loads the new snapshot.
-- The payload is the operation; listeners re-read the history.
--
-- The trigger itself is attached at start-up by service.ReferenceDataVersion, not here: a migration cannot alter
-- Flyway's history table. Flyway writes the history row on a second connection while the migration's transaction is
-- open, and that insert would wait for this migration's lock on the table forever.
-- (Not named reference_*: this migration is not reference data and leaves the registry version alone.)
CREATE FUNCTION region_reference_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    described text;
BEGIN
    IF TG_OP = 'DELETE' THEN
        described := OLD.description;
    ELSE
        described := NEW.description;
        IF TG_OP = 'UPDATE' AND lower(coalesce(OLD.description, '')) LIKE 'reference%' THEN
            described := OLD.description;
        END IF;
    END IF;
    IF lower(coalesce(described, '')) LIKE 'reference%' THEN
        PERFORM pg_notify('region_reference_data', TG_OP);
    END IF;
    RETURN NULL;
END
$$;
