package id.kotacerdas.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.testing.InfrastructureTestResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Platform migrations ({@code V0_<n>} in {@code db/platform}) share one Flyway history with a
 * service's own ({@code V1...}). A database migrated when only {@code V0_1} existed already has the
 * service's {@code V1} and {@code V2}; the platform's later {@code V0_2} sorts before them. With the
 * platform's default {@code quarkus.flyway.out-of-order=true} it is applied all the same; without it
 * Flyway refuses the upgrade. Plain Flyway against the real PostgreSQL, no Quarkus.
 */
class PlatformMigrationOrderTest {

    static final String FIRST_PLATFORM_MIGRATION = "V0_1__platform_outbox_audit_idempotency.sql";
    static final String SERVICE = "classpath:flyway-order/service";

    @Test
    void aLaterPlatformMigrationAppliesToADatabaseThatHasTheServicesMigrations(@TempDir Path platformThen) {
        String db = databaseMigratedWhenOnlyV01Existed("flyway_order_upgraded", platformThen);

        Flyway now = flyway(db, platformDefaultOutOfOrder(), "classpath:db/platform", SERVICE);
        int applied = now.migrate().migrationsExecuted;

        assertThat(applied).as("every platform migration after V0_1").isEqualTo(platformMigrations().size() - 1);
        assertThat(now.validateWithResult().validationSuccessful).isTrue();
        assertThat(tableExists(db, "processed_event")).isTrue();
        MigrationInfo v02 = Arrays.stream(now.info().all()).filter(m -> "0.2".equals(m.getVersion().getVersion()))
                .findFirst().orElseThrow();
        assertThat(v02.getState()).isEqualTo(MigrationState.OUT_OF_ORDER);
        assertThat(now.info().pending()).isEmpty();
        // and a second start changes nothing
        assertThat(flyway(db, platformDefaultOutOfOrder(), "classpath:db/platform", SERVICE).migrate().migrationsExecuted).isZero();
    }

    @Test
    void withoutOutOfOrderTheSameUpgradeIsRefusedAndChangesNothing(@TempDir Path platformThen) {
        String db = databaseMigratedWhenOnlyV01Existed("flyway_order_refused", platformThen);

        Flyway strict = flyway(db, false, "classpath:db/platform", SERVICE);
        assertThatThrownBy(strict::migrate).isInstanceOf(FlywayValidateException.class)
                .hasMessageContaining("0.2").hasMessageContaining("outOfOrder");
        assertThat(tableExists(db, "processed_event")).isFalse();
    }

    @Test
    void aFreshDatabaseGetsEveryMigrationInVersionOrder() {
        String db = "flyway_order_fresh";
        InfrastructureTestResource.ensureDatabase(db);
        Flyway flyway = flyway(db, platformDefaultOutOfOrder(), "classpath:db/platform", SERVICE);
        flyway.clean();
        flyway.migrate();
        List<String> versions = Arrays.stream(flyway.info().applied()).map(m -> m.getVersion().getVersion()).toList();
        assertThat(versions).startsWith("0.1", "0.2").endsWith("1", "2");
        assertThat(Arrays.stream(flyway.info().applied())).allMatch(m -> m.getState() == MigrationState.SUCCESS);
    }

    @Test
    void servicesGetOutOfOrderAndBothLocationsFromThePlatformsDefaults() {
        Properties defaults = platformDefaults();
        assertThat(defaults.getProperty("quarkus.flyway.out-of-order")).isEqualTo("true");
        assertThat(defaults.getProperty("quarkus.flyway.locations").split(",")).containsExactly("db/platform", "db/migration");
    }

    /** A database as an existing service has it: the platform's V0_1 and the service's V1 and V2. */
    private static String databaseMigratedWhenOnlyV01Existed(String db, Path platformThen) {
        InfrastructureTestResource.ensureDatabase(db);
        copyResource("db/platform/" + FIRST_PLATFORM_MIGRATION, platformThen.resolve(FIRST_PLATFORM_MIGRATION));
        Flyway then = flyway(db, false, "filesystem:" + platformThen.toAbsolutePath(), SERVICE);
        then.clean();
        assertThat(then.migrate().migrationsExecuted).isEqualTo(3);
        assertThat(tableExists(db, "fixture_profile")).isTrue();
        assertThat(tableExists(db, "processed_event")).isFalse();
        return db;
    }

    private static Flyway flyway(String db, boolean outOfOrder, String... locations) {
        return Flyway.configure()
                .dataSource(InfrastructureTestResource.jdbcUrl(db), db, db)
                .locations(locations)
                .outOfOrder(outOfOrder)
                .cleanDisabled(false)
                .load();
    }

    private static boolean platformDefaultOutOfOrder() {
        return Boolean.parseBoolean(platformDefaults().getProperty("quarkus.flyway.out-of-order", "false"));
    }

    /** platform/core's META-INF/microprofile-config.properties (the one with the outbox channel). */
    private static Properties platformDefaults() {
        try {
            for (URL url : Collections.list(PlatformMigrationOrderTest.class.getClassLoader()
                    .getResources("META-INF/microprofile-config.properties"))) {
                Properties p = new Properties();
                try (InputStream in = url.openStream()) {
                    p.load(in);
                }
                if (p.containsKey("mp.messaging.outgoing.outbox.connector")) {
                    return p;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("platform/core's microprofile-config.properties is not on the class path");
    }

    private static List<String> platformMigrations() {
        try {
            URL dir = PlatformMigrationOrderTest.class.getClassLoader().getResource("db/platform");
            try (var files = Files.list(Path.of(dir.toURI()))) {
                return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V0_\\d+__.*\\.sql")).sorted().toList();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot list db/platform", e);
        }
    }

    private static void copyResource(String resource, Path target) {
        try (InputStream in = PlatformMigrationOrderTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Files.copy(in, target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean tableExists(String db, String table) {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(db), db, db);
                ResultSet rs = c.getMetaData().getTables(null, "public", table, null)) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
