package id.kotacerdas.platform.inbox.app;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** The probe consumer of channel {@value #CHANNEL}. */
@ApplicationScoped
public class RebuildProbeConsumer extends ProbeHandler {

    public static final String CHANNEL = "probe-rebuild";

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<String> message) {
        return inbox.process(this, message);
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** How often a rebuild's replay reported caught up, and how many events were processed then. */
    public static final AtomicInteger CAUGHT_UP = new AtomicInteger();
    public static final AtomicLong PROCESSED_WHEN_CAUGHT_UP = new AtomicLong(-1);

    @Override
    public Uni<Void> replayCaughtUp() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer = :c", Long.class).setParameter("c", CHANNEL)
                .getSingleResult())
                .invoke(n -> {
                    PROCESSED_WHEN_CAUGHT_UP.set(n);
                    CAUGHT_UP.incrementAndGet();
                })
                .replaceWithVoid();
    }
}
