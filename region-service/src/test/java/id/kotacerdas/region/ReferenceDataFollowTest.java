package id.kotacerdas.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.region.service.ReferenceDataVersion;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Issue 21: with several instances only one applies a new reference-data migration (the one whose Flyway runs it).
 * Here the test is that other instance: it records a reference-data migration in the shared database as Flyway would
 * (the data change and a {@code flyway_schema_history} row with a {@code reference…} description, in one
 * transaction), and the running service answers the new region and the new registry version without a restart, and
 * follows back when the row is removed again.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class ReferenceDataFollowTest {

    static final String AUDITOR = Tokens.forUser("auditor", "auditor");
    private static final Logger LOG = Logger.getLogger(ReferenceDataFollowTest.class);
    /** Seconds at most; generous for a loaded CI machine (it takes well under two here). */
    static final Duration FOLLOWS = Duration.ofSeconds(30);
    static final String LISTENER = "region-service reference-data listener";

    @Inject
    ReferenceDataVersion referenceData;

    @Test
    void aReferenceMigrationAppliedByAnotherInstanceIsServedWithoutRestart() throws Exception {
        long before = referenceData.current();
        long next = before + 1000;
        String code = "35.98";
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/{code}", code).then().statusCode(404);
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            applyReferenceMigration(db, next, code, "Kota Replika Satu");
            db.commit();

            awaitServed(code, "Kota Replika Satu", next);
        } finally {
            undo(next, code);
        }
        awaitGone(code, before);
    }

    @Test
    void aNoticeMissedWhileTheListenerWasAwayIsMadeUpWhenItConnectsAgain() throws Exception {
        long before = referenceData.current();
        long next = before + 1001;
        String code = "35.97";
        try (Connection db = connect()) {
            await().atMost(FOLLOWS).until(() -> listeners() == 1);
            db.setAutoCommit(false);
            applyReferenceMigration(db, next, code, "Kota Replika Dua");
            // the listener's connection dies before the migration commits: its notice reaches no one
            try (Connection admin = connect(); Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                        + LISTENER + "'");
            }
            await().atMost(FOLLOWS).until(() -> listeners() == 0);
            db.commit();
            assertThat(listeners()).as("the listener reconnects only after a second").isZero();

            awaitServed(code, "Kota Replika Dua", next);
            assertThat(listeners()).isEqualTo(1);
        } finally {
            undo(next, code);
        }
        awaitGone(code, before);
    }

    private static void awaitServed(String code, String name, long version) {
        long start = System.nanoTime();
        await().atMost(FOLLOWS).untilAsserted(() -> {
            long asked = System.nanoTime();
            var answer = given().auth().oauth2(AUDITOR).get("/api/v1/regions/{code}", code).then().extract();
            LOG.infof("GET %s: %d in %d ms", code, answer.statusCode(), (System.nanoTime() - asked) / 1_000_000);
            assertThat(answer.statusCode()).isEqualTo(200);
            String served = answer.path("name");
            assertThat(served).isEqualTo(name);
            // the representation's tag names the registry version it belongs to
            assertThat(answer.header("ETag")).startsWith("\"r" + version + "-");
        });
        LOG.infof("Reference-data version %d served after %d ms", version, (System.nanoTime() - start) / 1_000_000);
        String found = given().auth().oauth2(AUDITOR).queryParam("q", name).get("/api/v1/regions").then()
                .statusCode(200).extract().path("items[0].code");
        assertThat(found).as("the list and its search follow too").isEqualTo(code);
    }

    private void awaitGone(String code, long version) {
        await().atMost(FOLLOWS).untilAsserted(() -> {
            given().auth().oauth2(AUDITOR).get("/api/v1/regions/{code}", code).then().statusCode(404);
            assertThat(referenceData.current()).isEqualTo(version);
        });
    }

    /** What Flyway does for {@code V<version>__reference_replica_test.sql}: the data change and its history row. */
    private static void applyReferenceMigration(Connection db, long version, String code, String name)
            throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO region (code, level, parent_code, name, region_group, district_count, kelurahan_count,
                                    desa_count, area_km2, population, population_male, population_female,
                                    island_count, lat, lng, search_text)
                VALUES (?, 'KOTA', '35', ?, 'Jawa', 1, 1, 0, 10.5, 1000, 500, 500, 0, -7.5, 112.5,
                        '|' || kc_normalize(?) || '|')""")) {
            insert.setString(1, code);
            insert.setString(2, name);
            insert.setString(3, name);
            insert.executeUpdate();
        }
        try (PreparedStatement history = db.prepareStatement("""
                INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                   installed_by, execution_time, success)
                SELECT max(installed_rank) + 1, ?, 'reference replica test', 'SQL', ?, 1, current_user, 5, true
                FROM flyway_schema_history""")) {
            history.setString(1, Long.toString(version));
            history.setString(2, "V" + version + "__reference_replica_test.sql");
            history.executeUpdate();
        }
    }

    /** Removes the test's migration again (the next Quarkus start would refuse an applied migration it lacks). */
    private static void undo(long version, String code) throws SQLException {
        try (Connection db = connect()) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                s.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '" + version + "'");
                s.executeUpdate("DELETE FROM region WHERE code = '" + code + "'");
            }
            db.commit();
        }
    }

    private static long listeners() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + LISTENER + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("region"), "region", "region");
    }
}
