package id.kotacerdas.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.testing.InfrastructureTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: two instances of region-service starting at once on an empty database. Each runs Flyway with the
 * service's own locations (platform and service migrations, out of order, as the platform's configuration says);
 * Flyway's PostgreSQL lock (an advisory lock, transaction-scoped by default: {@code postgresql.transactional.lock})
 * makes one wait until the other has migrated. Both succeed, there is one schema, and every migration is applied once.
 */
class ConcurrentMigrationTest {

    @Test
    void twoInstancesMigratingAnEmptyDatabaseAtOnceApplyEveryMigrationOnce() throws Exception {
        String database = "region_race_" + UUID.randomUUID().toString().substring(0, 8);
        InfrastructureTestResource.ensureDatabase(database);
        String url = InfrastructureTestResource.jdbcUrl(database);
        String[] locations = ConfigProvider.getConfig().getValue("quarkus.flyway.locations", String[].class);
        boolean outOfOrder = ConfigProvider.getConfig().getValue("quarkus.flyway.out-of-order", Boolean.class);
        assertThat(locations).as("the platform's defaults").containsExactly("db/platform", "db/migration");

        CyclicBarrier together = new CyclicBarrier(2);
        Callable<MigrateResult> instance = () -> {
            Flyway flyway = Flyway.configure().dataSource(url, database, database).locations(locations)
                    .outOfOrder(outOfOrder).load();
            together.await(30, TimeUnit.SECONDS);
            return flyway.migrate();
        };
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<MigrateResult> results = new ArrayList<>();
        try {
            Future<MigrateResult> a = instances.submit(instance);
            Future<MigrateResult> b = instances.submit(instance);
            results.add(a.get(120, TimeUnit.SECONDS));
            results.add(b.get(120, TimeUnit.SECONDS));
        } finally {
            instances.shutdownNow();
        }

        Flyway check = Flyway.configure().dataSource(url, database, database).locations(locations)
                .outOfOrder(outOfOrder).load();
        MigrationInfo[] all = check.info().all();
        assertThat(all).isNotEmpty().allSatisfy(m -> assertThat(m.getState()).as(m.getScript())
                .isEqualTo(MigrationState.SUCCESS));
        assertThat(results).allSatisfy(r -> assertThat(r.success).isTrue());
        // between them, the two applied each migration once (Flyway takes its lock per migration and looks for
        // what is pending again under it, so the work may be shared)
        assertThat(results.get(0).migrationsExecuted + results.get(1).migrationsExecuted).isEqualTo(all.length);
        try (Connection c = DriverManager.getConnection(url, database, database); Statement s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM (SELECT version FROM flyway_schema_history"
                    + " WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1) AS twice")).isZero();
            assertThat(count(s, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"))
                    .isEqualTo(all.length);
            assertThat(count(s, "SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isZero();
            // one schema: the reference data once
            assertThat(count(s, "SELECT count(*) FROM region")).isEqualTo(552);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
