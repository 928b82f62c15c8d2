-- Idempotent consumers: one row per event a consumer has applied, written in the same transaction as
-- the event's effect (id.kotacerdas.platform.inbox.Inbox). A redelivered or replayed event finds its
-- row and changes nothing. Rows are kept: a replay from the beginning of a topic relies on them. A
-- rebuild of a consumer deletes that consumer's rows together with what it derived.
CREATE TABLE processed_event (
    consumer        VARCHAR(200) NOT NULL,
    event_id        VARCHAR(255) NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    topic           VARCHAR(249),
    kafka_partition INTEGER,
    kafka_offset    BIGINT,
    processed_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);
