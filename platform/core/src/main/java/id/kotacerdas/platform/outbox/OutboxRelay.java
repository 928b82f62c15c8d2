package id.kotacerdas.platform.outbox;

import id.kotacerdas.platform.kafka.KafkaTopics;
import id.kotacerdas.platform.persistence.PgNotifications;
import id.kotacerdas.platform.web.tracing.Traces;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import id.kotacerdas.platform.security.Visibility;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox events to Kafka, in commit order, and marks each published only after
 * Kafka acknowledged it.
 *
 * <p>No fixed polling delay: a trigger on {@code outbox_event} sends {@code NOTIFY outbox_event},
 * which PostgreSQL delivers on commit, and the relay drains at once. A slow sweep catches anything a
 * lost notification left behind (relay restarted, listener reconnecting). When Kafka is down the
 * send fails, nothing is marked, and the relay retries with a growing back-off; events wait in the
 * table and leave in order. An advisory lock lets only one relay of a service drain at a time. Nothing is sent
 * before the topics the service declares ({@link KafkaTopics}) exist with their settings. When the listener
 * connects again after a database outage, the relay drains at once instead of sitting out the back-off the outage
 * grew, and so it does when Kafka answers again ({@link OutboxKafkaWatch}). {@link OutboxReadinessCheck} reports what
 * the relay is doing.
 *
 * <p>Tracing: each event is sent in a span {@code outbox send <topic>} whose parent is the trace context stored with
 * the event (the span of the request or consumer that wrote it), so the Kafka producer span SmallRye makes, the
 * {@code traceparent} it writes into the record's headers, and every consumer's processing join the writer's trace.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String CHANNEL = "outbox";
    private static final String NOTIFY_CHANNEL = "outbox_event";
    private static final long LOCK_ID = 7_294_120_001L;
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(15);

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    @Channel(CHANNEL)
    MutinyEmitter<String> emitter;

    @Inject
    MeterRegistry registry;

    @Inject
    KafkaTopics topics;

    @Inject
    OutboxConfig config;

    @Inject
    Tracer tracer;

    @Inject
    PgNotifications notifications;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;
    private volatile long backoffMs;
    private volatile boolean retryScheduled;
    private volatile long retryTimer = -1;
    private volatile String lastFailure;
    private volatile Instant lastPublishedAt;
    private PgNotifications.Listener subscriber;
    private long sweepTimer = -1;
    private long cleanupTimer = -1;
    private long backlogTimer = -1;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private Timer commitToAck;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("Outbox relay disabled");
            return;
        }
        commitToAck = Timer.builder("kotacerdas.outbox.commit.to.ack")
                .description("Time from an event's creation in its transaction to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
        published = Counter.builder("kotacerdas.outbox.published").register(registry);
        failures = Counter.builder("kotacerdas.outbox.send.failures")
                .description("Drains that failed to publish (Kafka down or refusing); the relay retries").register(registry);
        Gauge.builder("kotacerdas.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka (refreshed every 15 s)").register(registry);
        Gauge.builder("kotacerdas.outbox.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest event waiting in the outbox, 0 when none (refreshed every 15 s)")
                .register(registry);

        // until the listener is connected, the sweep drains
        subscriber = notifications.listen(NOTIFY_CHANNEL, "outbox relay listener", 1000L, payload -> trigger(),
                this::listening);
        sweepTimer = vertx.setPeriodic(config.sweepInterval().toMillis(), id -> trigger());
        cleanupTimer = vertx.setPeriodic(Duration.ofHours(1).toMillis(), id -> cleanup());
        backlogTimer = vertx.setPeriodic(1000, BACKLOG_REFRESH.toMillis(), id -> refreshBacklog());
        trigger();
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        if (sweepTimer >= 0) {
            vertx.cancelTimer(sweepTimer);
        }
        if (cleanupTimer >= 0) {
            vertx.cancelTimer(cleanupTimer);
        }
        if (backlogTimer >= 0) {
            vertx.cancelTimer(backlogTimer);
        }
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /**
     * The listener is connected (at start, and again after the database was away): whatever a failure made the relay
     * wait for, the database answers again, so drain now.
     */
    private void listening() {
        long timer = retryTimer;
        if (retryScheduled && timer >= 0 && vertx.cancelTimer(timer)) {
            retryTimer = -1;
            retryScheduled = false;
        }
        backoffMs = 0;
        trigger();
    }

    /** Whether the last drain failed (Kafka or the database unreachable) and no drain has succeeded since. */
    boolean failing() {
        return lastFailure != null;
    }

    /** Whether the relay sits in its back-off, waiting for the timer of its next attempt. */
    boolean waitingForRetry() {
        return retryScheduled;
    }

    /** Cancels the back-off and drains now ({@link OutboxKafkaWatch}: Kafka answers again). */
    void retryNow() {
        listening();
    }

    /** Drain now, or as soon as the running drain ends. */
    public void trigger() {
        if (stopped || retryScheduled) {
            return;
        }
        if (!draining.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        again.set(false);
        // nothing leaves before the service's declared topics exist with their settings (e.g. compaction)
        topics.ready().chain(ignored -> drainOnce()).subscribe().with(sent -> {
            backoffMs = 0;
            lastFailure = null;
            draining.set(false);
            if (sent >= config.batchSize() || again.get()) {
                trigger();
            }
        }, failure -> {
            failures.increment();
            backoffMs = backoffMs == 0 ? config.firstBackoff().toMillis() : Math.min(backoffMs * 2, config.maxBackoff().toMillis());
            lastFailure = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
            LOG.warnf("Outbox relay could not publish (%s); retrying in %d ms", lastFailure, backoffMs);
            retryScheduled = true;
            draining.set(false);
            retryTimer = vertx.setTimer(backoffMs, id -> {
                retryTimer = -1;
                retryScheduled = false;
                trigger();
            });
        });
    }

    /** Sends one batch; resolves to the number of events published. */
    Uni<Integer> drainOnce() {
        return pool.withTransaction(conn -> conn
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1) AS locked").execute(Tuple.of(LOCK_ID))
                .flatMap(lock -> lock.iterator().next().getBoolean("locked")
                        ? conn.preparedQuery("""
                                SELECT id, topic, aggregate_id, event_type, data_schema, occurred_at,
                                       payload::text AS payload, request_id, traceparent, visibility
                                FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT $1""")
                                .execute(Tuple.of(config.batchSize()))
                                .flatMap(rows -> {
                                    List<Row> pending = new ArrayList<>();
                                    rows.forEach(pending::add);
                                    return sendInOrder(conn, pending, 0, new ArrayList<>());
                                })
                        : Uni.createFrom().item(0)));
    }

    /** Sends one event after the other; on a failure marks what went out, then fails. */
    private Uni<Integer> sendInOrder(SqlConnection conn, List<Row> pending, int index, List<UUID> sent) {
        if (index == pending.size()) {
            return markPublished(conn, sent).replaceWith(sent.size());
        }
        Row row = pending.get(index);
        return send(row)
                .onItem().transformToUni(ignored -> {
                    sent.add(row.getUUID("id"));
                    return sendInOrder(conn, pending, index + 1, sent);
                })
                .onFailure().call(failure -> markPublished(conn, sent));
    }

    private Uni<Void> markPublished(SqlConnection conn, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return conn.preparedQuery("UPDATE outbox_event SET published_at = now() WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new))).replaceWithVoid();
    }

    private Uni<Void> send(Row row) {
        UUID id = row.getUUID("id");
        OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at");
        String requestId = row.getString("request_id");
        String traceparent = row.getString("traceparent");
        String topic = row.getString("topic");
        String type = row.getString("event_type");
        String aggregateId = row.getString("aggregate_id");
        RecordHeaders headers = new RecordHeaders();
        if (requestId != null) {
            headers.add("X-Request-Id", requestId.getBytes(StandardCharsets.UTF_8));
        }
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic)
                .withKey(aggregateId)
                .withHeaders(headers)
                .build();
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(id.toString())
                .withSource(URI.create(config.source()))
                .withType(type)
                .withSubject(aggregateId)
                .withTimestamp(occurredAt.atZoneSameInstant(ZoneOffset.UTC))
                .withDataContentType("application/json");
        if (row.getString("data_schema") != null) {
            cloudEvent.withDataSchema(URI.create(row.getString("data_schema")));
        }
        if (requestId != null) {
            cloudEvent.withExtension("requestid", requestId);
        }
        if (traceparent != null) {
            // the writer's trace context (CloudEvents distributed tracing extension); the record's own traceparent
            // header is written by the Kafka instrumentation, from the producer span below
            cloudEvent.withExtension("traceparent", traceparent);
        }
        if (row.getString("visibility") != null) {
            cloudEvent.withExtension(Visibility.ATTRIBUTE, row.getString("visibility"));
        }
        io.opentelemetry.context.Context parent = Traces.parentOf(traceparent);
        Span span = tracer.spanBuilder("outbox send " + topic).setParent(parent).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("cloudevents.event_id", id.toString())
                .setAttribute("cloudevents.event_type", type)
                .setAttribute("cloudevents.event_subject", aggregateId)
                .startSpan();
        Traces.regionCode(aggregateId).ifPresent(code -> span.setAttribute(Traces.REGION_CODE, code));
        if (requestId != null) {
            span.setAttribute(Traces.REQUEST_ID, requestId);
        }
        Message<String> message = Message.of(row.getString("payload")).addMetadata(kafka)
                .addMetadata(cloudEvent.build())
                .addMetadata(TracingMetadata.with(parent.with(span), parent));
        return emitter.sendMessage(message).onItemOrFailure().invoke((ignored, failure) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR);
            } else {
                published.increment();
                lastPublishedAt = Instant.now();
                commitToAck.record(Duration.between(occurredAt.toInstant(), lastPublishedAt));
            }
            span.end();
        });
    }

    /** What the relay is doing, in words, for the readiness check. */
    String state() {
        if (!config.enabled()) {
            return "disabled";
        }
        String failure = lastFailure;
        if (failure != null) {
            return (retryScheduled ? "retrying within " + backoffMs + " ms" : "retrying") + " after: " + failure;
        }
        return "running";
    }

    /** When Kafka last acknowledged an event of this relay; {@code null} if none since the start. */
    Instant lastPublishedAt() {
        return lastPublishedAt;
    }

    boolean enabled() {
        return config.enabled();
    }

    /** The backlog gauges: unpublished events and the age of the oldest (the partial index keeps this cheap). */
    private void refreshBacklog() {
        // on a connection of its own, not as a one-shot pool query (see DatabaseReadinessCheck)
        pool.withConnection(conn -> conn.query("""
                        SELECT count(*) AS pending,
                               coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::bigint AS oldest
                        FROM outbox_event WHERE published_at IS NULL""").execute())
                .subscribe().with(rows -> {
                    Row row = rows.iterator().next();
                    pending.set(row.getLong("pending"));
                    oldestPendingSeconds.set(row.getLong("oldest"));
                }, e -> LOG.debugf("Outbox backlog not measured: %s", e.getMessage()));
    }

    private void cleanup() {
        // on a connection of its own, not as a one-shot pool query (see DatabaseReadinessCheck for why)
        pool.withConnection(conn -> conn
                .preparedQuery("DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds())))
                .subscribe().with(rows -> LOG.debugf("Removed %d published outbox events", rows.rowCount()),
                        e -> LOG.warnf("Outbox clean-up failed: %s", e.getMessage()));
    }
}
