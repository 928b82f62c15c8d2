package id.kotacerdas.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stops the shared PostgreSQL, so it has a class of its own and always starts it again. */
class PostgresRestartTest {

    @AfterEach
    void postgresRunsAgain() {
        InfrastructureTestResource.startPostgres();
    }

    @Test
    void stoppedPostgresRefusesConnectionsAndComesBackOnTheSamePortWithItsData() throws SQLException {
        InfrastructureTestResource.ensureDatabase("restart");
        String url = InfrastructureTestResource.jdbcUrl("restart");
        String marker = UUID.randomUUID().toString();
        try (Connection c = DriverManager.getConnection(url, "restart", "restart"); Statement s = c.createStatement()) {
            s.execute("create table if not exists kept (marker text primary key)");
            s.execute("insert into kept values ('" + marker + "')");
        }
        int port = InfrastructureTestResource.postgresPort();

        InfrastructureTestResource.stopPostgres();
        InfrastructureTestResource.stopPostgres(); // idempotent
        assertFalse(InfrastructureTestResource.postgresRunning());
        assertEquals(port, InfrastructureTestResource.postgresPort(), "address known while down");
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "restart", "restart"));
        assertEquals("08001", refused.getSQLState(), refused.toString()); // connection refused

        InfrastructureTestResource.startPostgres();
        assertTrue(InfrastructureTestResource.postgresRunning());
        assertEquals(port, InfrastructureTestResource.postgresPort());
        try (Connection c = DriverManager.getConnection(url, "restart", "restart"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from kept where marker = '" + marker + "'")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "the data survived the restart");
        }
    }
}
