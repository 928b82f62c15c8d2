package id.kotacerdas.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PostgresTest {

    @Test
    void startReturnsTheConfigurationOfTheNamedDatabase() {
        InfrastructureTestResource resource = new InfrastructureTestResource();
        resource.init(Map.of("database", "orders"));
        Map<String, String> config = resource.start();

        int port = InfrastructureTestResource.postgresPort();
        assertEquals("postgresql://localhost:" + port + "/orders", config.get("quarkus.datasource.reactive.url"));
        assertEquals("jdbc:postgresql://localhost:" + port + "/orders", config.get("quarkus.datasource.jdbc.url"));
        assertEquals("orders", config.get("quarkus.datasource.username"));
        assertEquals("orders", config.get("quarkus.datasource.password"));
        assertEquals(InfrastructureTestResource.kafkaBootstrapServers(), config.get("kafka.bootstrap.servers"));
        assertEquals("false", config.get("quarkus.devservices.enabled"));
        assertEquals(6, config.size());
    }

    @Test
    void defaultDatabaseIsApp() {
        InfrastructureTestResource resource = new InfrastructureTestResource();
        resource.init(Map.of());
        assertTrue(resource.start().get("quarkus.datasource.jdbc.url").endsWith("/app"));
    }

    @Test
    void createdUserConnectsToItsDatabaseAndCreatesATable() throws SQLException {
        InfrastructureTestResource.ensureDatabase("region");
        InfrastructureTestResource.ensureDatabase("region"); // idempotent

        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("region"), "region", "region");
                Statement s = c.createStatement()) {
            s.execute("create table if not exists probe (id bigint primary key, name text not null)");
            s.execute("insert into probe values (1, 'Kota Metro') on conflict do nothing");
            try (ResultSet rs = s.executeQuery(
                    "select current_user, current_database(), current_setting('server_version_num')::int, name from probe")) {
                rs.next();
                assertEquals("region", rs.getString(1));
                assertEquals("region", rs.getString(2));
                assertTrue(rs.getInt(3) >= 170000 && rs.getInt(3) < 180000, "PostgreSQL 17: " + rs.getInt(3));
                assertEquals("Kota Metro", rs.getString(4));
            }
        }
    }

    @Test
    void databasesAreSeparate() throws SQLException {
        InfrastructureTestResource.ensureDatabase("alpha");
        InfrastructureTestResource.ensureDatabase("beta");
        try (Connection a = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("alpha"), "alpha", "alpha");
                Connection b = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("beta"), "beta", "beta");
                Statement sa = a.createStatement();
                Statement sb = b.createStatement()) {
            sa.execute("create table if not exists only_in_alpha (id int)");
            try (ResultSet rs = sb.executeQuery("select to_regclass('only_in_alpha') is null")) {
                rs.next();
                assertTrue(rs.getBoolean(1));
            }
            assertNotEquals(InfrastructureTestResource.jdbcUrl("alpha"), InfrastructureTestResource.jdbcUrl("beta"));
        }
    }

    @Test
    void rejectsNamesThatAreNotPlainIdentifiers() {
        assertThrows(IllegalArgumentException.class, () -> InfrastructureTestResource.ensureDatabase("x\"; drop database postgres; --"));
        assertThrows(IllegalArgumentException.class, () -> InfrastructureTestResource.jdbcUrl("Region"));
    }
}
