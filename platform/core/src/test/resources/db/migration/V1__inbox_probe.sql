-- Tables of the test consumer service (platform/core tests): what its probe consumers derive from events.

-- The latest fact per consumer and key: an upsert that keeps the newer fact (the out-of-order pattern).
CREATE TABLE probe_fact (
    consumer    VARCHAR(100) NOT NULL,
    fact_key    VARCHAR(100) NOT NULL,
    fact_value  VARCHAR(200) NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    event_id    VARCHAR(255) NOT NULL,
    PRIMARY KEY (consumer, fact_key)
);

-- How often each event's effect ran: deliberately NOT idempotent, so an event applied twice shows as 2.
CREATE TABLE probe_application (
    event_id     VARCHAR(255) PRIMARY KEY,
    consumer     VARCHAR(100) NOT NULL,
    applications INTEGER      NOT NULL
);
