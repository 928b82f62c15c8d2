package id.kotacerdas.region.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import id.kotacerdas.platform.persistence.PgNotifications;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jboss.logging.Logger;

/**
 * The version of the region reference data: the Flyway version of the newest applied migration whose description
 * starts with {@code reference} ({@code V2__reference_regions.sql} gives 2). A new Kemendagri decree comes as a new
 * migration {@code V<n>__reference_<what>.sql} with a whole-number version, and so as a new registry version;
 * migrations of other tables leave it alone.
 *
 * <p>Read at start-up (Flyway has migrated by then), and again whenever the database says the reference data changed:
 * with several instances only one applies a new reference-data migration (the one whose Flyway takes the migration
 * lock), so every instance listens on {@value #CHANNEL}, which a trigger on Flyway's history table notifies when a
 * reference-data migration is recorded ({@code V11__notify_reference_data_changes.sql}, attached here at start), and
 * re-reads the version from
 * the history table. The listener reconnects after the database was away and then re-reads too, in case it missed a
 * notice meanwhile. {@link RegionIndex} loads the snapshot of a new version on its next read.
 */
@ApplicationScoped
public class ReferenceDataVersion {

    static final String REFERENCE_PREFIX = "reference";
    /** The channel of {@code V11__notify_reference_data_changes.sql}. */
    static final String CHANNEL = "region_reference_data";
    private static final Logger LOG = Logger.getLogger(ReferenceDataVersion.class);
    static final String TRIGGER = "region_reference_data_changed";
    private static final long TRIGGER_LOCK = 7_294_120_011L;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");

    @Inject
    Flyway flyway;

    @Inject
    Pool pool;

    @Inject
    PgNotifications notifications;

    @ConfigProperty(name = "region.reference-data.follow", defaultValue = "true")
    boolean follow;

    @ConfigProperty(name = "region.reference-data.reconnect-interval", defaultValue = "1000")
    long reconnectMillis;

    private volatile long version;
    private final AtomicLong reads = new AtomicLong();
    private long taken;
    private PgNotifications.Listener subscriber;
    private String historyQuery;

    void onStart(@Observes @Priority(1) StartupEvent event) {
        version = of(flyway.info().applied());
        if (follow) {
            attachTrigger();
            listen();
        }
    }

    /**
     * Attaches {@code region_reference_data_changed()} (V11) to Flyway's history table unless it is attached: once per
     * database, by the first instance that starts; an advisory lock keeps two starting instances from both creating
     * it. Not in a migration: Flyway inserts the history row on a second connection while the migration's transaction
     * is open, so DDL on that table inside a migration would wait for itself.
     */
    private void attachTrigger() {
        String table = historyTable();
        try (Connection c = flyway.getConfiguration().getDataSource().getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + TRIGGER_LOCK + ")");
                boolean attached;
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_trigger WHERE tgname = '" + TRIGGER
                        + "' AND tgrelid = to_regclass('" + table + "')")) {
                    rs.next();
                    attached = rs.getLong(1) > 0;
                }
                if (!attached) {
                    s.execute("CREATE TRIGGER " + TRIGGER + " AFTER INSERT OR UPDATE OR DELETE ON " + table
                            + " FOR EACH ROW EXECUTE FUNCTION region_reference_data_changed()");
                    LOG.infof("Reference-data notifications attached to %s", table);
                }
            }
            c.commit();
        } catch (SQLException e) {
            // without the trigger an instance still follows at its listener's every reconnection, not at once
            LOG.warnf("Reference-data notifications not attached to %s (%s): other instances learn of a new "
                    + "reference-data version only when they restart or their listener reconnects", table, e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** The current reference-data version. */
    public long current() {
        if (version == 0) {
            version = of(flyway.info().applied());
        }
        return version;
    }

    private void listen() {
        historyQuery = "SELECT version, description, script FROM " + historyTable() + " WHERE version IS NOT NULL";
        // the listening callback runs on every (re)connection: a notice sent while the listener was away is missed,
        // so the version is read again then
        subscriber = notifications.listen(CHANNEL, "region-service reference-data listener", reconnectMillis,
                payload -> refresh("notified (" + payload + ")"), () -> refresh("listening"));
    }

    /** Reads the version from Flyway's history table and takes it when it differs from the one in use. */
    void refresh(String why) {
        // reads may overlap (a notice while the reconnection's read runs) and end in any order: a later read saw at
        // least as much as an earlier one, so an earlier read that ends last is not taken
        long read = reads.incrementAndGet();
        pool.withConnection(conn -> conn.query(historyQuery).execute())
                .map(rows -> {
                    List<Applied> applied = new ArrayList<>();
                    for (Row row : rows) {
                        applied.add(new Applied(row.getString("version"), row.getString("description"),
                                row.getString("script")));
                    }
                    return newest(applied);
                })
                .subscribe().with(newest -> {
                    synchronized (this) {
                        if (read < taken) {
                            return;
                        }
                        taken = read;
                        long before = version;
                        if (newest != before) {
                            version = newest;
                            LOG.infof("Reference data version %d -> %d (%s): the region index follows", before, newest,
                                    why);
                        }
                    }
                }, e -> LOG.warnf("Reference-data version not read again (%s): %s", why, e.getMessage()));
    }

    private String historyTable() {
        String table = flyway.getConfiguration().getTable();
        String schema = flyway.getConfiguration().getDefaultSchema();
        if (schema == null && flyway.getConfiguration().getSchemas().length > 0) {
            schema = flyway.getConfiguration().getSchemas()[0];
        }
        return schema == null ? quoted(table) : quoted(schema) + "." + quoted(table);
    }

    private static String quoted(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new IllegalStateException("Unexpected Flyway table or schema name: " + identifier);
        }
        return "\"" + identifier + "\"";
    }

    /** One row of Flyway's history: a versioned migration. */
    record Applied(String version, String description, String script) {
    }

    static long of(MigrationInfo[] applied) {
        return newest(Arrays.stream(applied)
                .filter(m -> m.getVersion() != null)
                .map(m -> new Applied(m.getVersion().getVersion(), m.getDescription(), m.getScript()))
                .toList());
    }

    static long newest(List<Applied> applied) {
        Applied newest = applied.stream()
                .filter(m -> m.version() != null && m.description() != null
                        && m.description().toLowerCase(Locale.ROOT).startsWith(REFERENCE_PREFIX))
                .reduce((a, b) -> MigrationVersion.fromVersion(a.version())
                        .compareTo(MigrationVersion.fromVersion(b.version())) >= 0 ? a : b)
                .orElseThrow(() -> new IllegalStateException("No reference-data migration (V<n>__reference_*.sql) applied"));
        try {
            return Long.parseLong(newest.version());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Reference-data migration " + newest.script()
                    + " needs a whole-number version (it is the registry version), not " + newest.version(), e);
        }
    }
}
