package id.kotacerdas.platform.registry;

import static io.restassured.RestAssured.given;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** What the module's tests read from outside the probe service. */
final class RegistryTesting {

    private RegistryTesting() {
    }

    /** The {@code region-registry} readiness check as {@code /q/health/ready} reports it. */
    static Map<String, Object> readiness() {
        JsonPath health = given().get("/q/health/ready").then().extract().jsonPath();
        return health.getMap("checks.find { it.name == 'region-registry' }");
    }

    /** Every replica row as text (code → all columns), to compare before and after. */
    static Map<String, String> rows(String database) throws SQLException {
        Map<String, String> rows = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(database), database, database);
                ResultSet rs = c.createStatement().executeQuery(
                        "SELECT r.code, r::text, r.xmin::text FROM platform_region_registry r")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2) + " xmin=" + rs.getString(3));
            }
        }
        return rows;
    }
}
