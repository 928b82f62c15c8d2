/**
 * Consuming events: idempotent consumers, dead letters, out-of-order facts, rebuilds.
 *
 * <p>A service consumes a channel with an {@link id.kotacerdas.platform.inbox.InboxHandler} whose
 * {@code @Incoming} method hands each message to the {@link id.kotacerdas.platform.inbox.Inbox}. The
 * inbox reads the CloudEvent into the type the handler routes it to
 * ({@link id.kotacerdas.platform.inbox.EventRoutes}), and applies it exactly once: the event id is
 * recorded in {@code processed_event} in the same transaction as the effect. Poison goes to
 * {@code <topic>.dlq} at once, transient failures after bounded retries; consumption goes on.
 * Configuration per channel, defaults and the rebuild operation: {@code platform/core/README.md}.
 *
 * <h2>Events of different topics arrive in any order</h2>
 * Kafka keeps order only per key within one topic. A {@code MouSigned} (agreement topic) can arrive
 * before the {@code RegionSelected} (assessment topic) it follows; a rebuild replays one topic after
 * another in whatever interleaving; a dead-lettered event that is fixed and re-sent arrives late. So an
 * effect never assumes that another event came first:
 * <ul>
 * <li><b>Keep facts, keyed by the aggregate.</b> Store what each event says as a fact of its own
 * (a row per region and kind of fact, e.g. {@code selected_region}, {@code signed_mou}), upserted by
 * the aggregate id, instead of changing a row that another event should have created. Derive the
 * combined view (who is due for what) when reading, or recompute it from the facts after each
 * upsert.</li>
 * <li><b>Keep the fact's own time.</b> Store {@link id.kotacerdas.platform.inbox.IncomingEvent#time()}
 * (when it happened at the producer), not the arrival time, and let an upsert overwrite a fact only
 * with a newer one:
 * <pre>
 * INSERT INTO region_fact (region_code, ..., occurred_at) VALUES (...)
 * ON CONFLICT (region_code) DO UPDATE SET ... = excluded...., occurred_at = excluded.occurred_at
 * WHERE region_fact.occurred_at &lt;= excluded.occurred_at
 * </pre>
 * A late, older event then changes nothing, and replaying a topic gives the same state.</li>
 * <li><b>Never drop an event because its predecessor is missing</b>, and never fail it for that (a
 * retry does not make the predecessor come; after the retries it would be dead-lettered, i.e. lost to
 * the state). Record it; the view is complete when the other fact arrives. Reference data a fact
 * points to (a region code) may be unknown yet, too: store the code, not a foreign key.</li>
 * <li><b>Effects are upserts and deletes keyed by the aggregate</b>, not increments or appends: with
 * the times compared, the state then depends only on which facts arrived, not on their order.</li>
 * </ul>
 * Within one topic and key the order holds: a handler may rely on {@code RegionProfileUpdated} coming
 * after the {@code RegionProfileCreated} of the same region.
 */
package id.kotacerdas.platform.inbox;
