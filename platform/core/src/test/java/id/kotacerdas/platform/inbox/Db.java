package id.kotacerdas.platform.inbox;

import id.kotacerdas.testing.InfrastructureTestResource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain JDBC reads of the test service's database, for assertions. */
final class Db {

    static final String DATABASE = "inbox";

    private Db() {
    }

    /** The value of the fact, or {@code null}. */
    static String fact(String consumer, String key) {
        List<Map<String, Object>> rows = query("SELECT fact_value FROM probe_fact WHERE consumer = ? AND fact_key = ?", consumer, key);
        return rows.isEmpty() ? null : (String) rows.get(0).get("fact_value");
    }

    /** How often the effect of the event ran and committed (0: never). */
    static int applications(String eventId) {
        List<Map<String, Object>> rows = query("SELECT applications FROM probe_application WHERE event_id = ?", eventId);
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("applications")).intValue();
    }

    /** The event's {@code processed_event} row of this consumer, or {@code null}. */
    static Map<String, Object> processed(String consumer, String eventId) {
        List<Map<String, Object>> rows = query("SELECT * FROM processed_event WHERE consumer = ? AND event_id = ?", consumer, eventId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static long count(String sql, Object... args) {
        return ((Number) query(sql, args).get(0).values().iterator().next()).longValue();
    }

    /** Every row, each as column → value, in the statement's order. */
    static List<Map<String, Object>> query(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static int update(String sql, Object... args) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(DATABASE), DATABASE, DATABASE);
    }
}
