-- Platform tables every service carries: transactional outbox, audit trail, idempotency records.

CREATE TABLE outbox_event (
    seq            BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id             UUID PRIMARY KEY,
    topic          VARCHAR(249) NOT NULL,
    aggregate_type VARCHAR(100) NOT NULL,
    aggregate_id   VARCHAR(100) NOT NULL,
    event_type     VARCHAR(200) NOT NULL,
    data_schema    VARCHAR(500),
    occurred_at    TIMESTAMPTZ  NOT NULL,
    payload        JSONB        NOT NULL,
    request_id     VARCHAR(128),
    traceparent    VARCHAR(55),
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- PostgreSQL delivers NOTIFY only when the inserting transaction commits: the relay wakes up
-- exactly when there is something committed to send.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();

CREATE TABLE audit_entry (
    id             UUID PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor_subject  VARCHAR(255) NOT NULL,
    actor_username VARCHAR(255) NOT NULL,
    actor_roles    VARCHAR(500) NOT NULL,
    action         VARCHAR(100) NOT NULL,
    resource_type  VARCHAR(100) NOT NULL,
    resource_id    VARCHAR(100) NOT NULL,
    before         JSONB,
    after          JSONB,
    request_id     VARCHAR(128)
);
CREATE INDEX audit_entry_resource ON audit_entry (resource_type, resource_id, occurred_at DESC);
CREATE INDEX audit_entry_occurred ON audit_entry (occurred_at DESC);

CREATE TABLE idempotency_record (
    id                  CHAR(64) PRIMARY KEY,
    request_fingerprint CHAR(64)     NOT NULL,
    status              INTEGER      NOT NULL,
    location            VARCHAR(500),
    etag                VARCHAR(100),
    body                JSONB,
    created_at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
