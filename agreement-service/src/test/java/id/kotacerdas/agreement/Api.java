package id.kotacerdas.agreement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.RegistrySeed;
import id.kotacerdas.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the tests share: tokens of the demo roles, the region registry seeded once per JVM the way region-service
 * publishes it, row counts straight from the database, and drafts of their own (each test drafts MoUs for
 * programme years no other test uses, so no test depends on another's data or order).
 */
final class Api {

    static final String DATABASE = "agreement";
    static final String TOPIC = "kotacerdas.agreement.v1";
    static final String MINISTRY = Tokens.forUser("ministry", "ministry-admin");
    static final String AUDITOR = Tokens.forUser("auditor", "auditor");
    static final String ASSESSOR = Tokens.forUser("assessor", "assessor");
    static final String INTEGRATOR = Tokens.forUser("integrator", "integrator");
    static final String OFFICER_METRO = Tokens.forRegionOfficer("officer-metro", "18.72");
    static final String OFFICER_TABANAN = Tokens.forRegionOfficer("officer-tabanan", "51.02");
    static final String OFFICER_KSB = Tokens.forRegionOfficer("officer-ksb", "52.07");

    private static final AtomicBoolean SEEDED = new AtomicBoolean();
    /** Programme years 2022 and 2023 belong to the seed-fact scenario; the other tests take theirs from here. */
    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2030);

    private Api() {
    }

    /** Seeds the region registry (once per JVM) and waits until the service's replica holds all of it. */
    static void registry() {
        if (SEEDED.compareAndSet(false, true)) {
            RegistrySeed.registry().send();
        }
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonPath health = given().get("/q/health/ready").then().extract().jsonPath();
            Map<String, Object> check = health.getMap("checks.find { it.name == 'region-registry' }");
            return check != null && "UP".equals(check.get("status"));
        });
    }

    /** A programme year that no other test uses. */
    static int freshYear() {
        return NEXT_YEAR.getAndIncrement();
    }

    /**
     * The day the tests' drafts and schedulings made "by hand" happened ({@code occurred}): before every signing date
     * the tests record, since a signing may not be dated before the draft or the scheduling (issue 18).
     */
    static final String LONG_AGO = "{\"date\":\"2020-01-02\",\"precision\":\"DAY\"}";

    /** Drafts an MoU as the ministry (made now) and returns it. */
    static JsonPath draft(String regionCode, int year, String termsJson) {
        return draft(regionCode, year, termsJson, null);
    }

    /** Drafts an MoU as the ministry, made when {@code occurredJson} says (null: now), and returns it. */
    static JsonPath draft(String regionCode, int year, String termsJson, String occurredJson) {
        return given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"" + regionCode + "\",\"programmeYear\":" + year
                        + (termsJson == null ? "" : ",\"terms\":" + termsJson)
                        + (occurredJson == null ? "" : ",\"occurred\":" + occurredJson) + "}")
                .post("/api/v1/mous").then().statusCode(201).extract().jsonPath();
    }

    static String etag(JsonPath mou) {
        return "\"" + mou.getLong("version") + "\"";
    }

    static Response get(String token, String mouId) {
        return given().auth().oauth2(token).get("/api/v1/mous/{id}", mouId);
    }

    /** Creates a planned national ceremony and returns it. */
    static JsonPath ceremony(int year, String plannedOn, String mode) {
        return given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body("""
                {"programmeYear":%d,"title":"Penandatanganan Nota Kesepakatan Gerakan Menuju Smart City %d",\
                "plannedOn":"%s","host":"Direktorat Jenderal Aplikasi Informatika, Kementerian Komunikasi dan Informatika",\
                "mode":"%s"}""".formatted(year, year, plannedOn, mode))
                .post("/api/v1/mou-ceremonies").then().statusCode(201).extract().jsonPath();
    }

    /**
     * A draft of its own year that is complete and scheduled (a date of its own), ready to be signed; drafted and
     * scheduled {@link #LONG_AGO}, so that it may be signed on any day the tests choose.
     */
    static JsonPath scheduledAndComplete(String regionCode, int year) {
        JsonPath mou = draft(regionCode, year, """
                {"validityYears":3,"firstPartySignatory":{"name":"Penandatangan Ditjen","position":"Direktur Jenderal Aplikasi Informatika"}}""",
                LONG_AGO);
        String id = mou.getString("id");
        mou = given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON).body("""
                {"localVenue":"Ruang rapat","localMode":"VIRTUAL",\
                "secondPartySignatory":{"name":"Penandatangan Daerah","position":"Sekretaris Daerah"}}""")
                .put("/api/v1/mous/{id}/local-side", id).then().statusCode(200).extract().jsonPath();
        return given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"plannedOn\":\"" + year + "-01-10\",\"occurred\":" + LONG_AGO + "}")
                .post("/api/v1/mous/{id}/scheduling", id).then().statusCode(200).extract().jsonPath();
    }

    /** Rows of a table (with an optional {@code WHERE ...} in the argument). */
    static long count(String tableAndWhere) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(DATABASE), DATABASE, DATABASE);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + tableAndWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The number of rows of each table a write touches, to prove that a refused write changed nothing. */
    static List<Long> writes() throws SQLException {
        return List.of(count("mou"), count("mou_revision"), count("mou_ceremony"), count("local_commitment"),
                count("audit_entry"), count("outbox_event"), count("idempotency_record"));
    }

    /** Every MoU row as text, to prove that nothing in it changed. */
    static String mouRow(String id) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(DATABASE), DATABASE, DATABASE);
                ResultSet rs = c.createStatement().executeQuery("SELECT m::text FROM mou m WHERE id = '" + id + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
