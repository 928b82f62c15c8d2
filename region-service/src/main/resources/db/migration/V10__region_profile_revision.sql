-- Issue 18 item 3 for the region profile: every earlier value of a profile, kept when a PUT or a correction
-- replaces it (from this migration on; earlier changes are in the audit trail, before and after).
--
--   revision  the profile's version (its ETag) the value had
--   value     the profile as it was at that revision (region_profile.data)
--   at, by    when and by whom it was replaced
--   reason    the correction's reason (null: replaced by a PUT)
--   sources   the correction's sources, as {"items": [...]} (null: replaced by a PUT)
CREATE TABLE region_profile_revision (
    region_code VARCHAR(5)   NOT NULL REFERENCES region (code),
    revision    BIGINT       NOT NULL,
    value       JSONB        NOT NULL,
    replaced_at TIMESTAMPTZ  NOT NULL,
    replaced_by VARCHAR(255) NOT NULL,
    reason      TEXT,
    sources     JSONB,
    PRIMARY KEY (region_code, revision)
);
