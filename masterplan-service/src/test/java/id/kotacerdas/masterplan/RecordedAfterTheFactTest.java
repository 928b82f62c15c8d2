package id.kotacerdas.masterplan;

import static id.kotacerdas.masterplan.TestSupport.ASSESSOR;
import static id.kotacerdas.masterplan.TestSupport.AUDITOR;
import static id.kotacerdas.masterplan.TestSupport.MINISTRY;
import static id.kotacerdas.masterplan.TestSupport.count;
import static id.kotacerdas.masterplan.TestSupport.document;
import static id.kotacerdas.masterplan.TestSupport.etag;
import static id.kotacerdas.masterplan.TestSupport.json;
import static id.kotacerdas.masterplan.TestSupport.putDocument;
import static id.kotacerdas.masterplan.TestSupport.writesOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A masterplan recorded after the fact (issue 18): opened in 2022, a bimtek stage held in June 2022, submitted, sent
 * back, submitted again and approved in 2022, ratified by a "Perwa" in 2023 — every act keeps its own date beside the
 * day it was typed in, in the reads and in the events. Dates in the future, before 2017 (unless the plan is SELF_MADE)
 * or before the act they follow are a 400 naming the field, and change nothing.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "masterplan"))
@WithTestResource(OidcWiremockTestResource.class)
class RecordedAfterTheFactTest {

    static final String METRO = "18.72";
    /** A year surely in the future of any day this test runs on (not derived from today: no test depends on it). */
    static final String NEXT_YEAR = "2999";

    @BeforeEach
    void registry() {
        TestSupport.registryReady();
    }

    static Map<String, Object> on(String date) {
        return Map.of("date", date);
    }

    static Response open(String region, int year, String kind, Object occurred) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("regionCode", region);
        body.put("programmeYear", year);
        body.put("kind", kind);
        body.put("title", "Masterplan Smart City " + region + " " + year);
        if (occurred != null) {
            body.put("occurred", occurred);
        }
        return given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body(json(body)).post("/api/v1/masterplans");
    }

    static Response post(String token, String path, String id, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request.contentType(ContentType.JSON).body(json(body));
        }
        return request.post("/api/v1/masterplans/{id}" + path, id);
    }

    /** One text value from the service's database ({@code null} when no row or SQL NULL). */
    static String text(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(TestSupport.DB), TestSupport.DB,
                TestSupport.DB); ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** The {@code occurred} of the one event of a type about a masterplan, as JSON text ({@code null}: absent). */
    static String eventOccurred(String id, String type) throws SQLException {
        assertThat(count("outbox_event WHERE event_type = 'id.kotacerdas.masterplan." + type + ".v1'"
                + " AND payload->>'masterplanId' = '" + id + "'")).as(type).isEqualTo(1);
        return text("SELECT payload->>'occurred' FROM outbox_event WHERE event_type = 'id.kotacerdas.masterplan."
                + type + ".v1' AND payload->>'masterplanId' = '" + id + "'");
    }

    static void occurredIs(String eventOccurred, String date, String precision) throws Exception {
        assertThat(TestSupport.JSON.readTree(eventOccurred)).isEqualTo(
                TestSupport.JSON.readTree("{\"date\":\"" + date + "\",\"precision\":\"" + precision + "\"}"));
    }

    @Test
    void aPlanRecordedAfterTheFactKeepsTheDateOfEveryActInItsReadsAndEvents() throws Exception {
        String id = open(METRO, TestSupport.freshYear(), "GUIDED", on("2022-04-21")).then().statusCode(201)
                .body("occurred.date", equalTo("2022-04-21")).body("occurred.precision", equalTo("DAY"))
                .body("openedAt", not(containsString("2022-"))).extract().path("id");

        // a bimtek stage whose source gives only its month
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                .body("{\"stage\":1,\"startsOn\":\"2022-06-14\",\"endsOn\":\"2022-06-15\",\"mode\":\"OFFLINE\",\"guides\":[\"Fitrah Rahmat Kausar\"]}")
                .post("/api/v1/masterplans/{id}/bimtek-stages", id).then().statusCode(201).body("occurred", nullValue());
        post(ASSESSOR, "/bimtek-stages/1/holding", id, Map.of("occurred", on("2022-06"))).then().statusCode(200)
                .body("state", equalTo("HELD")).body("occurred.date", equalTo("2022-06"))
                .body("occurred.precision", equalTo("MONTH"));

        putDocument(MINISTRY, id, etag(id), document(2023, 2027, 3)).then().statusCode(200);
        post(MINISTRY, "/submissions", id, Map.of("occurred", on("2022-10-03"))).then().statusCode(201)
                .body("number", equalTo(1)).body("occurred.date", equalTo("2022-10-03"))
                .body("occurred.precision", equalTo("DAY"));
        post(ASSESSOR, "/review", id, null).then().statusCode(200);
        post(ASSESSOR, "/revision-requests", id, Map.of("comments",
                List.of(Map.of("section", "QUICK_WINS", "comment", "Pilih layanan yang sudah ada.")),
                "occurred", on("2022-10-20"))).then().statusCode(200);
        putDocument(MINISTRY, id, etag(id), document(2023, 2027, 4)).then().statusCode(200);
        post(MINISTRY, "/submissions", id, Map.of("occurred", on("2022-11-01"))).then().statusCode(201)
                .body("number", equalTo(2));
        post(ASSESSOR, "/review", id, null).then().statusCode(200);
        post(ASSESSOR, "/approval", id, Map.of("comments", List.of(), "occurred", on("2022-11-28"))).then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        post(MINISTRY, "/ratification", id, Map.of("instrument", "Perwa", "year", 2023, "occurred", on("2023-02"),
                "sources", List.of(Map.of("title", "Metro report 2023")))).then().statusCode(200)
                .body("state", equalTo("RATIFIED"))
                .body("ratification.instrument", equalTo("PERWALI")).body("ratification.instrumentName", equalTo("Perwa"))
                .body("ratification.ratifiedOn", nullValue())
                .body("ratification.occurred.date", equalTo("2023-02"))
                .body("ratification.occurred.precision", equalTo("MONTH"));

        // the reads: each act's date beside the recording
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().statusCode(200)
                .body("occurred.date", equalTo("2022-04-21"))
                .body("reviews.find { it.decision == 'REVISION_REQUESTED' }.occurred.date", equalTo("2022-10-20"))
                .body("reviews.find { it.decision == 'APPROVED' }.occurred.date", equalTo("2022-11-28"))
                .body("reviews.find { it.decision == 'APPROVED' }.at", not(containsString("2022-")))
                .body("reviews.find { it.decision == 'STARTED' }.occurred.precision", equalTo("DAY"))
                .body("ratification.instrumentName", equalTo("Perwa"))
                .body("ratification.occurred.date", equalTo("2023-02"));
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/versions", id).then().statusCode(200)
                .body("masterplanId", equalTo(id)).body("total", equalTo(2)).body("totalPages", equalTo(1))
                .body("items[0].occurred.date", equalTo("2022-10-03")).body("items[1].occurred.date", equalTo("2022-11-01"))
                .body("items[1].submittedAt", not(containsString("2022-")));
        given().auth().oauth2(AUDITOR).queryParam("page", 1).queryParam("size", 1)
                .get("/api/v1/masterplans/{id}/versions", id).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].number", equalTo(2)).body("totalPages", equalTo(2));
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/versions/2", id).then().statusCode(200)
                .body("occurred.date", equalTo("2022-11-01"));
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/bimtek-stages/1", id).then().statusCode(200)
                .body("occurred.date", equalTo("2022-06"));

        // the events: the act's date beside the recording instant
        occurredIs(eventOccurred(id, "MasterplanOpened"), "2022-04-21", "DAY");
        occurredIs(eventOccurred(id, "BimtekSessionHeld"), "2022-06", "MONTH");
        occurredIs(eventOccurred(id, "MasterplanRevisionRequested"), "2022-10-20", "DAY");
        occurredIs(eventOccurred(id, "MasterplanApproved"), "2022-11-28", "DAY");
        occurredIs(eventOccurred(id, "MasterplanRatified"), "2023-02", "MONTH");
        assertThat(count("outbox_event WHERE event_type = 'id.kotacerdas.masterplan.MasterplanSubmitted.v1'"
                + " AND payload->>'masterplanId' = '" + id + "' AND payload->'occurred'->>'date' IN ('2022-10-03', '2022-11-01')"
                + " AND payload->'occurred'->>'precision' = 'DAY'")).isEqualTo(2);
        assertThat(text("SELECT payload->>'instrument' || ' ' || (payload->>'instrumentName') FROM outbox_event"
                + " WHERE event_type = 'id.kotacerdas.masterplan.MasterplanRatified.v1' AND payload->>'masterplanId' = '"
                + id + "'")).isEqualTo("PERWALI Perwa");
        assertThat(text("SELECT opened_on || ' ' || opened_precision FROM masterplan WHERE id = '" + id + "'"))
                .isEqualTo("2022-04-21 DAY");
        assertThat(count("audit_entry WHERE resource_id = '" + id + "' AND action = 'MASTERPLAN_APPROVED'"
                + " AND after->'occurred'->>'date' = '2022-11-28'")).as("the audit keeps the act's date").isEqualTo(1);
    }

    /** A MouSigned as agreement-service publishes it, with the signing's {@code occurred} when it was given. */
    static String sendMouSigned(String region, int year, String signedOn, Object occurred) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mouId", UUID.randomUUID().toString());
        data.put("regionCode", region);
        data.put("regionName", "Kota Metro");
        data.put("programmeYear", year);
        data.put("signedOn", signedOn);
        if (occurred != null) {
            data.put("occurred", occurred);
        }
        String eventId = UUID.randomUUID().toString();
        TestSupport.send(TestSupport.cloudEvent(TestSupport.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                "id.kotacerdas.agreement.MouSigned.v1", region, eventId, OffsetDateTime.now(ZoneOffset.UTC), data));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("masterplan WHERE region_code = '" + region
                + "' AND programme_year = " + year) == 1);
        return given().auth().oauth2(AUDITOR).queryParam("regionCode", region).queryParam("programmeYear", year)
                .get("/api/v1/masterplans").then().statusCode(200).extract().path("items[0].id");
    }

    @Test
    void workOpenedByASignedMouOpensOnTheSigningsDate() throws Exception {
        String bySigningDay = sendMouSigned(METRO, TestSupport.freshYear(), "2023-02-28", null);
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", bySigningDay).then().statusCode(200)
                .body("openedFrom", equalTo("MOU_SIGNED")).body("origin", equalTo("LIVE")).body("occurred.date", equalTo("2023-02-28"))
                .body("occurred.precision", equalTo("DAY"));
        occurredIs(eventOccurred(bySigningDay, "MasterplanOpened"), "2023-02-28", "DAY");

        String byOccurred = sendMouSigned(METRO, TestSupport.freshYear(), "2023-02-28", Map.of("date", "2023-02",
                "precision", "MONTH"));
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", byOccurred).then().statusCode(200)
                .body("occurred.date", equalTo("2023-02")).body("occurred.precision", equalTo("MONTH"));
        occurredIs(eventOccurred(byOccurred, "MasterplanOpened"), "2023-02", "MONTH");

        // and a submission dated after the fact is not before that opening
        putDocument(MINISTRY, byOccurred, etag(byOccurred), document(2023, 2027, 3)).then().statusCode(200);
        post(MINISTRY, "/submissions", byOccurred, Map.of("occurred", on("2023-01-31"))).then().statusCode(400)
                .body("violations[0].field", equalTo("occurred"));
        post(MINISTRY, "/submissions", byOccurred, "{\"occurred\":{\"date\":\"2023-03-01\",\"precision\":\"HOUR\"}}")
                .then().statusCode(400).contentType("application/problem+json");
        post(MINISTRY, "/submissions", byOccurred, Map.of("occurred", on("2023-02-15"))).then().statusCode(201)
                .body("occurred.date", equalTo("2023-02-15"));
    }

    @Test
    void anActRecordedNowHasNoOccurredInItsEventAndIsDatedByItsRecordingInTheReads() throws Exception {
        String id = open(METRO, TestSupport.freshYear(), "GUIDED", null).then().statusCode(201)
                .body("occurred.precision", equalTo("DAY")).extract().path("id");
        assertThat(eventOccurred(id, "MasterplanOpened")).isNull();
        assertThat(text("SELECT coalesce(opened_on::text, 'none') FROM masterplan WHERE id = '" + id + "'")).isEqualTo("none");
        String openedDay = given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().extract()
                .path("occurred.date");
        assertThat(openedDay).isNotNull();
    }

    @Test
    void aSelfMadePlanMayBeOlderThanTheProgrammeOthersMayNotAndNoneIsInTheFuture() throws Exception {
        int year = TestSupport.freshYear();
        open("19.71", year, "GUIDED", on("2016")).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("occurred"))
                .body("violations[0].message", containsString("before the programme began"));
        open("19.71", year, "SELF_MADE", on(NEXT_YEAR)).then().statusCode(400)
                .body("violations[0].field", equalTo("occurred"))
                .body("violations[0].message", containsString("future"));
        open("19.71", year, "SELF_MADE", Map.of("date", "2016", "precision", "DAY")).then().statusCode(400)
                .body("violations[0].field", equalTo("occurred.precision"));
        assertThat(count("masterplan WHERE region_code = '19.71' AND programme_year = " + year)).isZero();
        open("19.71", year, "SELF_MADE", on("2016")).then().statusCode(201)
                .body("occurred.date", equalTo("2016")).body("occurred.precision", equalTo("YEAR"));
    }

    @Test
    void datesInTheFutureOrOutOfOrderAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        String id = open(METRO, TestSupport.freshYear(), "GUIDED", on("2022-04-21")).then().statusCode(201)
                .extract().path("id");

        // a bimtek stage before the opening, a stage held outside its days
        String before = writesOf(id);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                .body("{\"stage\":1,\"startsOn\":\"2022-03-01\",\"endsOn\":\"2022-03-02\",\"mode\":\"OFFLINE\",\"guides\":[\"A\"]}")
                .post("/api/v1/masterplans/{id}/bimtek-stages", id).then().statusCode(400)
                .body("violations[0].field", equalTo("startsOn"))
                .body("violations[0].message", containsString("opening (2022-04-21)"));
        assertThat(writesOf(id)).isEqualTo(before);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                .body("{\"stage\":1,\"startsOn\":\"2022-06-14\",\"endsOn\":\"2022-06-15\",\"mode\":\"OFFLINE\",\"guides\":[\"A\"]}")
                .post("/api/v1/masterplans/{id}/bimtek-stages", id).then().statusCode(201);
        String scheduled = writesOf(id);
        post(ASSESSOR, "/bimtek-stages/1/holding", id, Map.of("occurred", on("2022-07-01"))).then().statusCode(400)
                .body("violations[0].field", equalTo("occurred"))
                .body("violations[0].message", containsString("2022-06-14 to 2022-06-15"));
        assertThat(writesOf(id)).isEqualTo(scheduled);

        // submissions: before the opening, in the future, malformed
        putDocument(MINISTRY, id, etag(id), document(2023, 2027, 3)).then().statusCode(200);
        String drafted = writesOf(id);
        post(MINISTRY, "/submissions", id, Map.of("occurred", on("2022-03-01"))).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("occurred"))
                .body("violations[0].message", containsString("the masterplan's opening (2022-04-21)"));
        post(MINISTRY, "/submissions", id, Map.of("occurred", on(NEXT_YEAR + "-01-05"))).then().statusCode(400)
                .body("violations[0].field", equalTo("occurred"));
        post(MINISTRY, "/submissions", id, Map.of("occurred", on("2022-13"))).then().statusCode(400)
                .body("violations[0].field", equalTo("occurred.date"));
        assertThat(writesOf(id)).isEqualTo(drafted);
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().body("state", equalTo("DRAFT"));

        post(MINISTRY, "/submissions", id, Map.of("occurred", on("2022-10-03"))).then().statusCode(201);
        post(ASSESSOR, "/review", id, null).then().statusCode(200);
        String inReview = writesOf(id);
        post(ASSESSOR, "/approval", id, Map.of("occurred", on("2022-09-30"))).then().statusCode(400)
                .body("violations[0].field", equalTo("occurred"))
                .body("violations[0].message", containsString("the submission of version 1 (2022-10-03)"));
        post(ASSESSOR, "/revision-requests", id, Map.of("comments", List.of(Map.of("section", "GENERAL", "comment", "x")),
                "occurred", on("2022-09"))).then().statusCode(400).body("violations[0].field", equalTo("occurred"));
        assertThat(writesOf(id)).isEqualTo(inReview);
        post(ASSESSOR, "/approval", id, Map.of("occurred", on("2022-10"))).then().statusCode(200)
                .body("reviews.find { it.decision == 'APPROVED' }.occurred.precision", equalTo("MONTH"));

        // ratification: before the approval (by its occurred, by its date), an unknown instrument name
        String approved = writesOf(id);
        post(MINISTRY, "/ratification", id, Map.of("instrument", "Perwali", "year", 2022, "occurred", on("2022-09"),
                "sources", List.of(Map.of("title", "r")))).then().statusCode(400)
                .body("violations[0].field", equalTo("occurred"))
                .body("violations[0].message", containsString("the approval of version 1 (2022-10)"));
        post(MINISTRY, "/ratification", id, Map.of("instrument", "Perwal", "number", "7", "year", 2022,
                "ratifiedOn", "2022-09-15")).then().statusCode(400)
                .body("violations[0].field", equalTo("ratifiedOn"));
        post(MINISTRY, "/ratification", id, Map.of("instrument", "Perwali", "year", 2023, "occurred", on("2022-12"),
                "sources", List.of(Map.of("title", "r")))).then().statusCode(400)
                .body("violations[0].field", equalTo("occurred"))
                .body("violations[0].message", containsString("year 2023"));
        post(MINISTRY, "/ratification", id, Map.of("instrument", "Peraturan Presiden", "number", "7", "year", 2022,
                "date", "2022-12-15")).then().statusCode(400)
                .body("violations[0].field", equalTo("instrument"))
                .body("violations[0].message", containsString("Perwa"));
        assertThat(writesOf(id)).isEqualTo(approved);
        post(MINISTRY, "/ratification", id, Map.of("instrument", "Peraturan Wali Kota", "number", "7", "year", 2022,
                "ratifiedOn", "2022-12-15")).then().statusCode(200)
                .body("ratification.instrument", equalTo("PERWALI"))
                .body("ratification.instrumentName", equalTo("Peraturan Wali Kota"))
                .body("ratification.occurred.date", equalTo("2022-12-15"));
        occurredIs(eventOccurred(id, "MasterplanRatified"), "2022-12-15", "DAY");
    }
}
