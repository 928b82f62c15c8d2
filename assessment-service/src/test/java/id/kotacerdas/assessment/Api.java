package id.kotacerdas.assessment;

import static io.restassured.RestAssured.given;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Tokens and small helpers shared by the service's tests. */
final class Api {

    static final String DATABASE = "assessment";
    static final String TOPIC = "kotacerdas.assessment.v1";
    static final String MINISTRY = Tokens.forUser("ministry", "ministry-admin");
    static final String ASSESSOR_A = Tokens.forUser("assessor-ani", "assessor");
    static final String ASSESSOR_B = Tokens.forUser("assessor-budi", "assessor");
    static final String AUDITOR = Tokens.forUser("auditor", "auditor");
    static final String INTEGRATOR = Tokens.forUser("integrator", "integrator");
    static final String OFFICER_METRO = Tokens.forRegionOfficer("officer-metro", "18.72");
    static final String OFFICER_TABANAN = Tokens.forRegionOfficer("officer-tabanan", "51.02");

    private Api() {
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(DATABASE), DATABASE, DATABASE);
                ResultSet rs = c.createStatement().executeQuery(sql.startsWith("SELECT") ? sql : "SELECT count(*) FROM " + sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs a statement on the service's database (a test's own fixture rows). */
    static void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(DATABASE), DATABASE, DATABASE)) {
            c.createStatement().execute(sql);
        }
    }

    /** Rows that record changes: audit entries and outbox events. */
    static long writes() throws SQLException {
        return count("audit_entry") + count("outbox_event");
    }
}
