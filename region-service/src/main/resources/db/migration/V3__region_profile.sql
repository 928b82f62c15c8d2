-- The facts each region keeps about itself (regional head, Sekda, Kominfo office, RPJMD periods,
-- Dewan Smart City, website), one document per region, versioned for If-Match.
CREATE TABLE region_profile (
    region_code VARCHAR(5)   PRIMARY KEY REFERENCES region (code),
    version     BIGINT       NOT NULL,
    data        JSONB        NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(255) NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    updated_by  VARCHAR(255) NOT NULL
);
