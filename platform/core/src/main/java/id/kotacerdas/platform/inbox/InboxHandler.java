package id.kotacerdas.platform.inbox;

import io.smallrye.mutiny.Uni;

/**
 * A service's consumer of one incoming channel. Implement it on an {@code @ApplicationScoped} bean
 * whose {@code @Incoming} method hands every message to the {@link Inbox}:
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class AgreementEventsHandler implements InboxHandler {
 *     static final String CHANNEL = "agreement-events";  // mp.messaging.incoming.agreement-events.topic=kotacerdas.agreement.v1
 *
 *     @Inject
 *     Inbox inbox;
 *
 *     @Incoming(CHANNEL)
 *     public Uni<Void> consume(Message<String> message) {
 *         return inbox.process(this, message);
 *     }
 *
 *     public String channel() { return CHANNEL; }
 *
 *     public EventRoutes routes() {
 *         return EventRoutes.builder().on(MOU_SIGNED, MouSigned.class, this::mouSigned).build();
 *     }
 *
 *     public Uni<Void> clearDerivedState() {
 *         return SignedMou.deleteAll().replaceWithVoid();
 *     }
 *
 *     Uni<Void> mouSigned(IncomingEvent<MouSigned> event) { ... upsert keyed by region code ... }
 * }
 * }</pre>
 *
 * The effects run inside the inbox's transaction (use Panache as in any {@code @WithTransaction}
 * method, never open another transaction) on a safe Vert.x context.
 */
public interface InboxHandler {

    /**
     * The {@code @Incoming} channel. It also names the consumer: its consumer group is
     * {@code <quarkus.application.name>.<channel>} and its rows in {@code processed_event} carry it, so
     * keep it stable.
     */
    String channel();

    /** The event types this consumer handles and what each does. Asked once. */
    EventRoutes routes();

    /**
     * Deletes everything this consumer keeps from its events, for a rebuild from the beginning of its
     * topics ({@code POST /admin/consumers/{channel}/rebuild}). Runs in the same transaction that deletes
     * the consumer's {@code processed_event} rows. Delete only what the events give: data the service
     * owns itself must survive a rebuild. Readers then see the projection being rebuilt until the replay
     * catches up; a consumer that must not show them a half-built projection starts a build into tables
     * beside the live ones here instead, writes the replay there, and swaps it in {@link #replayCaughtUp()}.
     */
    Uni<Void> clearDerivedState();

    /**
     * Called once a rebuild's replay has caught up: every record up to the end offsets taken when the rebuild began
     * is processed and its offset committed. Runs in a transaction of its own, not on the consumer's processing
     * path (events after those offsets may be processed meanwhile). A consumer that builds beside its live
     * projection ({@link #clearDerivedState()} started a build instead of deleting) swaps it in here. Not called
     * when the replay stopped before catching up (the service stopped, another rebuild began, the partitions
     * moved). Does nothing by default.
     */
    default Uni<Void> replayCaughtUp() {
        return Uni.createFrom().voidItem();
    }
}
