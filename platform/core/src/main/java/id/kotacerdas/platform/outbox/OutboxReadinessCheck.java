package id.kotacerdas.platform.outbox;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox's view of Kafka, as readiness data: always UP, because the outbox absorbs a Kafka outage (writes go on,
 * their events wait in {@code outbox_event} and leave in commit order once Kafka is back). A Kafka that is down is
 * something to see, not a reason to take the service out of the load balancer.
 * <p>
 * Data: {@code kafka} (whether the cluster answers within {@link #TIMEOUT}), {@code pending} (events not yet
 * acknowledged by Kafka) and {@code oldestPendingSeconds}, {@code relay} (running, or retrying after which failure)
 * and {@code lastPublishedAt}. Both probes run in parallel with their own deadline, so the check answers within a
 * second whatever is down; what could not be learnt in time is reported as such.
 */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements AsyncHealthCheck {

    static final String NAME = "outbox";
    static final Duration TIMEOUT = Duration.ofMillis(500);

    @Inject
    Pool pool;
    @Inject
    OutboxRelay relay;
    @Inject
    KafkaReachability kafka;

    @Override
    public Uni<HealthCheckResponse> call() {
        Uni<String> kafkaState = relay.enabled() ? kafka.probe(TIMEOUT)
                : Uni.createFrom().item("not asked: the outbox relay is disabled");
        return Uni.combine().all().unis(kafkaState, backlog()).asTuple().map(both -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named(NAME).up()
                    .withData("kafka", both.getItem1())
                    .withData("relay", relay.state());
            Backlog backlog = both.getItem2();
            if (backlog.error() != null) {
                builder.withData("pending", "unknown: " + backlog.error());
            } else {
                builder.withData("pending", backlog.pending());
                if (backlog.pending() > 0) {
                    builder.withData("oldestPendingSeconds", backlog.oldestSeconds());
                }
            }
            Instant last = relay.lastPublishedAt();
            if (last != null) {
                builder.withData("lastPublishedAt", last.toString());
            }
            return builder.build();
        });
    }

    /** Unpublished events (the partial index {@code outbox_event_unpublished} keeps this cheap). */
    private Uni<Backlog> backlog() {
        // on a connection of its own, not as a one-shot pool query (see DatabaseReadinessCheck)
        return pool.withConnection(conn -> conn.query("""
                        SELECT count(*) AS pending,
                               coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::bigint AS oldest
                        FROM outbox_event WHERE published_at IS NULL""").execute())
                .ifNoItem().after(TIMEOUT).failWith(() -> new TimeoutException("no answer within " + TIMEOUT.toMillis() + " ms"))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    return new Backlog(row.getLong("pending"), row.getLong("oldest"), null);
                })
                .onFailure().recoverWithItem(e -> new Backlog(-1, -1,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    }

    private record Backlog(long pending, long oldestSeconds, String error) {
    }
}
