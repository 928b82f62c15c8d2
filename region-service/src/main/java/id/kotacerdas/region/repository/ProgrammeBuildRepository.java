package id.kotacerdas.region.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The rebuild of a topic's slice of the programme projection beside the live tables (migration {@code V8}): the
 * {@code programme_build} rows that say which topics are being rebuilt, the switch of a transaction's writes into
 * the {@code programme_rebuild} schema, and the statements of the swap. In the caller's session and transaction.
 */
@ApplicationScoped
public class ProgrammeBuildRepository {

    /** The schema the rebuild tables live in. */
    public static final String SCHEMA = "programme_rebuild";
    /** The live tables a rebuild copies, column for column (the swap's {@code INSERT ... SELECT *}). */
    public static final List<String> TABLES = List.of("timeline_entry", "programme_mou", "programme_masterplan",
            "programme_evaluation");

    private static Uni<Mutiny.Session> session() {
        return Panache.getSession();
    }

    /**
     * Whether {@code topic} is being rebuilt, with a key-share lock on its row until the transaction ends: the swap
     * (which locks the row for update) waits for the transaction, and a transaction that comes while the swap runs
     * waits for it and then reads the swapped state. Without a row (never rebuilt) nothing is locked.
     */
    public Uni<Boolean> building(String topic) {
        return session().flatMap(s -> s.createNativeQuery(
                "select state from programme_build where topic = :topic for key share", String.class)
                .setParameter("topic", topic).getResultList())
                .map(states -> states.contains("BUILDING"));
    }

    /** Locks {@code topic}'s row for the swap; its state ({@code null} without a row). */
    public Uni<String> lockForSwap(String topic) {
        return session().flatMap(s -> s.createNativeQuery(
                "select state from programme_build where topic = :topic for update", String.class)
                .setParameter("topic", topic).getResultList())
                .map(states -> states.isEmpty() ? null : states.get(0));
    }

    /**
     * From here to the end of the transaction the session's tables are the rebuild's: unqualified names resolve to
     * {@value #SCHEMA} first (the tables it has), then to the usual search path (everything else: the inbox's
     * {@code processed_event}, the region code changes). PostgreSQL parses a prepared statement again when the
     * search path changed, so cached statements follow.
     */
    public Uni<Void> writeIntoRebuild() {
        return session().flatMap(s -> s.createNativeQuery(
                "select set_config('search_path', '" + SCHEMA + ", ' || current_setting('search_path'), true)", String.class)
                .getSingleResult()).replaceWithVoid();
    }

    /** Starts (or starts again) the rebuild of {@code topic}: its row BUILDING, its slice of the rebuild tables empty. */
    public Uni<Void> begin(String topic, String channel, String projectionTable) {
        Uni<Void> chain = execute("insert into programme_build (topic, channel, state, started_at) values (:topic, :channel,"
                + " 'BUILDING', now()) on conflict (topic) do update set channel = excluded.channel, state = 'BUILDING',"
                + " started_at = excluded.started_at, swapped_at = null, swap_ms = null", topic, channel)
                .chain(() -> execute("delete from " + SCHEMA + ".timeline_entry where source_topic = :topic", topic, null))
                .chain(() -> execute("delete from " + SCHEMA + ".programme_cancellation where topic = :topic", topic, null));
        if (projectionTable != null) {
            chain = chain.chain(() -> execute("delete from " + SCHEMA + "." + projectionTable, null, null));
        }
        return chain;
    }

    /** The regions with entries of {@code topic} in the live or the rebuild tables, in code order. */
    public Uni<List<String>> regionsOfEither(String topic) {
        return session().flatMap(s -> s.createNativeQuery("select region_code from timeline_entry where source_topic = :topic"
                + " union select region_code from " + SCHEMA + ".timeline_entry where source_topic = :topic order by 1",
                String.class).setParameter("topic", topic).getResultList());
    }

    /** Replaces the live slice of {@code topic} (entries, and its projection table) by the rebuilt one; empties the latter. */
    public Uni<Void> moveRebuilt(String topic, String projectionTable) {
        Uni<Void> chain = execute("delete from timeline_entry where source_topic = :topic", topic, null)
                .chain(() -> execute("insert into timeline_entry select * from " + SCHEMA + ".timeline_entry"
                        + " where source_topic = :topic", topic, null))
                .chain(() -> execute("delete from " + SCHEMA + ".timeline_entry where source_topic = :topic", topic, null))
                .chain(() -> execute("delete from programme_cancellation where topic = :topic", topic, null))
                .chain(() -> execute("insert into programme_cancellation select * from " + SCHEMA + ".programme_cancellation"
                        + " where topic = :topic", topic, null))
                .chain(() -> execute("delete from " + SCHEMA + ".programme_cancellation where topic = :topic", topic, null));
        if (projectionTable != null) {
            chain = chain.chain(() -> execute("delete from " + projectionTable, null, null))
                    .chain(() -> execute("insert into " + projectionTable + " select * from " + SCHEMA + "." + projectionTable,
                            null, null))
                    .chain(() -> execute("delete from " + SCHEMA + "." + projectionTable, null, null));
        }
        return chain;
    }

    /** Marks {@code topic} live again, with how long its swap took. */
    public Uni<Void> swapped(String topic, long swapMillis) {
        return session().flatMap(s -> s.createNativeQuery("update programme_build set state = 'LIVE', swapped_at = now(),"
                + " swap_ms = :ms where topic = :topic").setParameter("topic", topic)
                .setParameter("ms", (int) Math.min(Integer.MAX_VALUE, swapMillis)).executeUpdate()).replaceWithVoid();
    }

    /** The channels whose rebuild had not swapped when the service stopped. */
    public Uni<List<String>> interruptedChannels() {
        return session().flatMap(s -> s.createNativeQuery(
                "select channel from programme_build where state = 'BUILDING' order by channel", String.class).getResultList());
    }

    private static Uni<Void> execute(String sql, String topic, String channel) {
        return session().flatMap(s -> {
            var query = s.createNativeQuery(sql);
            if (topic != null) {
                query.setParameter("topic", topic);
            }
            if (channel != null) {
                query.setParameter("channel", channel);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
