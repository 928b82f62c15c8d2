package id.kotacerdas.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Wakes the outbox relay as soon as Kafka answers again, instead of letting it sit out the back-off an outage grew
 * (up to {@code kotacerdas.outbox.max-backoff}, 15 s). While the relay is failing it asks {@link KafkaReachability}
 * every {@code kotacerdas.outbox.kafka-check-interval} (1 s); when Kafka answers after it did not (or at the first
 * look of a failure episode), and the relay is waiting for its retry, the retry is cancelled and the relay drains at
 * once. It wakes the relay once per "Kafka came back", and otherwise (Kafka up all along, the failure is elsewhere:
 * the database, a topic check) at most every {@value #REWAKE_SECONDS} s, so a long back-off is cut short but a database
 * outage is not turned into a retry every second. Costs nothing while the relay publishes: no probe is made then.
 */
@ApplicationScoped
public class OutboxKafkaWatch {

    private static final Logger LOG = Logger.getLogger(OutboxKafkaWatch.class);

    @Inject
    OutboxRelay relay;

    @Inject
    KafkaReachability kafka;

    @Inject
    OutboxConfig config;

    @Inject
    Vertx vertx;

    private final AtomicBoolean probing = new AtomicBoolean();
    /** Whether the next "Kafka answers" wakes the relay: at the start of a failure episode and after Kafka was seen down. */
    private volatile boolean armed = true;
    private volatile long lastWake = System.nanoTime() - TimeUnit.SECONDS.toNanos(REWAKE_SECONDS);
    static final long REWAKE_SECONDS = 5;
    private long timer = -1;

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        timer = vertx.setPeriodic(config.kafkaCheckInterval().toMillis(), id -> look());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void look() {
        if (!relay.failing()) {
            armed = true;
            return;
        }
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        kafka.probe(config.kafkaCheckInterval()).subscribe().with(state -> {
            probing.set(false);
            if (!state.startsWith("UP")) {
                armed = true;
            } else if ((armed || System.nanoTime() - lastWake >= TimeUnit.SECONDS.toNanos(REWAKE_SECONDS))
                    && relay.waitingForRetry()) {
                armed = false;
                lastWake = System.nanoTime();
                LOG.infof("Kafka answers again (%s): the outbox relay drains now instead of after its back-off", state);
                relay.retryNow();
            }
        }, failure -> probing.set(false));
    }
}
