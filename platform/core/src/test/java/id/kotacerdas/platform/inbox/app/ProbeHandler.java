package id.kotacerdas.platform.inbox.app;

import id.kotacerdas.platform.inbox.EventRoutes;
import id.kotacerdas.platform.inbox.IncomingEvent;
import id.kotacerdas.platform.inbox.Inbox;
import id.kotacerdas.platform.inbox.InboxHandler;
import id.kotacerdas.platform.inbox.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The probe consumers' shared effect, written the way a service writes one: an upsert of the latest
 * fact per key that keeps the newer fact (out-of-order arrivals), plus a deliberately non-idempotent
 * count of how often each event's effect ran, so the tests see any event applied twice. Attempts are
 * counted in memory (they survive the rollbacks of failed attempts).
 */
public abstract class ProbeHandler implements InboxHandler {

    static final String UPSERT_FACT = """
            INSERT INTO probe_fact (consumer, fact_key, fact_value, occurred_at, event_id)
            VALUES (:consumer, :key, :value, :time, :id)
            ON CONFLICT (consumer, fact_key) DO UPDATE
                SET fact_value = excluded.fact_value, occurred_at = excluded.occurred_at, event_id = excluded.event_id
                WHERE probe_fact.occurred_at <= excluded.occurred_at""";

    @Inject
    Inbox inbox;

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    /** How often the effect of this event was attempted. */
    public int attempts(String eventId) {
        AtomicInteger n = attempts.get(eventId);
        return n == null ? 0 : n.get();
    }

    @Override
    public EventRoutes routes() {
        return EventRoutes.builder().on(ProbeChanged.TYPE, ProbeChanged.class, this::changed).build();
    }

    @Override
    public Uni<Void> clearDerivedState() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("DELETE FROM probe_fact WHERE consumer = :c")
                        .setParameter("c", channel()).executeUpdate())
                .chain(() -> ProbeApplication.delete("consumer", channel()))
                .replaceWithVoid();
    }

    Uni<Void> changed(IncomingEvent<ProbeChanged> event) {
        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        ProbeChanged data = event.data();
        return Panache.getSession()
                .flatMap(s -> s.createNativeQuery(UPSERT_FACT)
                        .setParameter("consumer", channel())
                        .setParameter("key", data.key())
                        .setParameter("value", data.value())
                        .setParameter("time", event.time())
                        .setParameter("id", event.id())
                        .executeUpdate())
                .chain(() -> ProbeApplication.<ProbeApplication>findById(event.id()))
                .chain(found -> {
                    if (found != null) {
                        found.applications++;
                        return Uni.createFrom().voidItem();
                    }
                    ProbeApplication created = new ProbeApplication();
                    created.eventId = event.id();
                    created.consumer = channel();
                    created.applications = 1;
                    return created.persist().replaceWithVoid();
                })
                .call(() -> Panache.getSession().flatMap(s -> s.flush()))
                .invoke(() -> {
                    if (data.failTimes() != null && attempt <= data.failTimes()) {
                        throw new IllegalStateException("Simulated outage, attempt " + attempt + " of event " + event.id());
                    }
                    if (Boolean.TRUE.equals(data.poison())) {
                        throw new PoisonEventException("Probe " + data.key() + " is poison by its own data");
                    }
                });
    }
}
