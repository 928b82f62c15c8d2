package id.kotacerdas.masterplan;

import static id.kotacerdas.masterplan.TestSupport.AUDITOR;
import static id.kotacerdas.masterplan.TestSupport.MINISTRY;
import static id.kotacerdas.masterplan.TestSupport.count;
import static id.kotacerdas.masterplan.TestSupport.json;
import static id.kotacerdas.masterplan.TestSupport.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import id.kotacerdas.testing.Tokens;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, items 2 and 3: a masterplan known only by its ratification, recorded from its sources; the recorded past
 * never starts live workflow (a RECORDED MouSigned opens nothing); ratifications corrected and withdrawn in the open.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "masterplan"))
@WithTestResource(OidcWiremockTestResource.class)
class RecordedMasterplanTest {

    static final String IMPORTER = Tokens.forUser("importer-client", "importer");
    static final List<Map<String, Object>> SOURCES = List.of(Map.of("title", "Perwa No. 25 Tahun 2019",
            "url", "https://jdih.example.go.id/perwa-25-2019"));

    static Map<String, Object> ratification(String instrument, String number, Object occurred) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("instrument", instrument);
        r.put("instrumentKnown", instrument != null);
        r.put("number", number);
        r.put("numberKnown", number != null);
        r.put("occurred", occurred);
        r.put("dateKnown", occurred != null);
        return r;
    }

    static Map<String, Object> body(String region, Integer year, boolean selfMade, Map<String, Object> ratification,
            Object sources) {
        Map<String, Object> b = new HashMap<>();
        b.put("regionCode", region);
        b.put("programmeYear", year);
        b.put("selfMade", selfMade);
        b.put("ratification", ratification);
        if (sources != null) {
            b.put("sources", sources);
        }
        return b;
    }

    static Response record(String token, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json(body))
                .post("/api/v1/recorded-masterplans");
    }

    static long events(String id, String type) throws Exception {
        return count("outbox_event WHERE event_type = 'id.kotacerdas.masterplan." + type + ".v1'"
                + " AND payload->>'masterplanId' = '" + id + "'");
    }

    static String payload(String id, String type, String path) throws Exception {
        return RecordedAfterTheFactTest.text("SELECT payload #>> '{" + path + "}' FROM outbox_event WHERE event_type = "
                + "'id.kotacerdas.masterplan." + type + ".v1' AND payload->>'masterplanId' = '" + id + "'");
    }

    @Test
    void aMasterplanKnownOnlyByItsRatificationIsRecordedOnceWithoutContent() throws Exception {
        int year = TestSupport.freshYear();
        var body = body("18.72", year, false, ratification("Perwa", "25", Map.of("date", "2019-07")), SOURCES);
        String id = record(IMPORTER, body).then().statusCode(201)
                .header("Location", containsString("/api/v1/masterplans/")).extract().path("id");
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().statusCode(200)
                .body("origin", equalTo("RECORDED")).body("openedFrom", equalTo("RECORDED"))
                .body("state", equalTo("RATIFIED")).body("kind", equalTo("GUIDED")).body("programmeYear", equalTo(year))
                .body("contentRecorded", equalTo(false)).body("document", nullValue()).body("alignment", nullValue())
                .body("occurred", nullValue()).body("title", nullValue())
                .body("ratification.instrument", equalTo("PERWALI")).body("ratification.instrumentName", equalTo("Perwa"))
                .body("ratification.instrumentKnown", equalTo(true)).body("ratification.number", equalTo("25"))
                .body("ratification.numberKnown", equalTo(true)).body("ratification.year", equalTo(2019))
                .body("ratification.ratifiedOn", nullValue()).body("ratification.dateKnown", equalTo(true))
                .body("ratification.occurred.date", equalTo("2019-07"))
                .body("ratification.occurred.precision", equalTo("MONTH"))
                .body("ratification.sources[0].url", equalTo("https://jdih.example.go.id/perwa-25-2019"))
                .body("ratification.recordedBy", equalTo("importer-client"));
        assertThat(count("masterplan WHERE id = '" + id + "' AND origin = 'RECORDED' AND opened_from = 'RECORDED'"
                + " AND content_recorded = false AND state = 'RATIFIED'")).isEqualTo(1);
        assertThat(events(id, "MasterplanRatified")).isEqualTo(1);
        assertThat(events(id, "MasterplanOpened")).isZero();
        assertThat(payload(id, "MasterplanRatified", "origin")).isEqualTo("RECORDED");
        assertThat(payload(id, "MasterplanRatified", "occurred,date")).isEqualTo("2019-07");
        assertThat(payload(id, "MasterplanRatified", "occurred,precision")).isEqualTo("MONTH");
        assertThat(payload(id, "MasterplanRatified", "sources,0,url")).isEqualTo("https://jdih.example.go.id/perwa-25-2019");
        assertThat(payload(id, "MasterplanRatified", "instrument")).isEqualTo("PERWALI");
        assertThat(payload(id, "MasterplanRatified", "versionNumber")).isNull();
        assertThat(payload(id, "MasterplanRatified", "year")).isEqualTo("2019");
        assertThat(count("audit_entry WHERE resource_id = '" + id + "'")).isEqualTo(1);

        // no content: the export and the alignment check say so (409), never a 5xx
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/export", id).then().statusCode(409)
                .body("detail", containsString("recorded from its sources"));
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/alignment", id).then().statusCode(409);
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/versions", id).then().statusCode(200);
        given().auth().oauth2(AUDITOR).queryParam("regionCode", "18.72").queryParam("programmeYear", year)
                .get("/api/v1/masterplans").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].origin", equalTo("RECORDED")).body("items[0].contentRecorded", equalTo(false));
        // never live workflow
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"stage\":1,\"startsOn\":\"2019-06-14\",\"endsOn\":\"2019-06-15\",\"mode\":\"OFFLINE\",\"guides\":[\"A\"]}")
                .post("/api/v1/masterplans/{id}/bimtek-stages", id).then().statusCode(409);

        // the importer's replay: 200, the same masterplan, nothing written
        String before = TestSupport.writesOf(id);
        record(IMPORTER, body).then().statusCode(200).body("id", equalTo(id)).body("origin", equalTo("RECORDED"));
        assertThat(TestSupport.writesOf(id)).isEqualTo(before);
        // the same key with other content: 409 naming the field, nothing written
        var other = body("18.72", year, false, ratification("Perwali", "52", Map.of("date", "2019-07")), SOURCES);
        record(MINISTRY, other).then().statusCode(409).body("violations[0].field", equalTo("ratification.number"))
                .body("detail", containsString("use a correction"));
        assertThat(TestSupport.writesOf(id)).isEqualTo(before);
    }

    @Test
    void anUnknownNumberAndDateStayUnknownInTheReadsAndTheEvent() throws Exception {
        int year = TestSupport.freshYear();
        String id = record(MINISTRY, body("52.07", year, false, ratification("Perbup", null, null), SOURCES))
                .then().statusCode(201).body("origin", equalTo("RECORDED"))
                .body("ratification.instrument", equalTo("PERBUP")).body("ratification.number", nullValue())
                .body("ratification.numberKnown", equalTo(false)).body("ratification.dateKnown", equalTo(false))
                .body("ratification.occurred", nullValue()).body("ratification.year", nullValue())
                .extract().path("id");
        assertThat(payload(id, "MasterplanRatified", "occurred")).isNull();
        assertThat(payload(id, "MasterplanRatified", "number")).isNull();
        assertThat(payload(id, "MasterplanRatified", "year")).isNull();
        assertThat(payload(id, "MasterplanRatified", "origin")).isEqualTo("RECORDED");
        // an unknown instrument too
        record(MINISTRY, body("13.77", TestSupport.freshYear(), false, ratification(null, null, null), SOURCES))
                .then().statusCode(201).body("ratification.instrumentKnown", equalTo(false))
                .body("ratification.instrument", nullValue());
    }

    @Test
    void aSelfMadePlanMayBeOlderThanTheProgrammeAPlanOfTheProgrammeMayNot() {
        String number = "SM-" + UUID.randomUUID().toString().substring(0, 8);
        record(MINISTRY, body("13.77", null, true, ratification("Perwako", number, Map.of("date", "2015")), SOURCES))
                .then().statusCode(201).body("kind", equalTo("SELF_MADE")).body("programmeYear", nullValue())
                .body("ratification.occurred.date", equalTo("2015")).body("ratification.occurred.precision", equalTo("YEAR"));
        // its replay is found by its number
        record(MINISTRY, body("13.77", null, true, ratification("Perwako", number, Map.of("date", "2015")), SOURCES))
                .then().statusCode(200);
        record(MINISTRY, body("13.77", 2015, false, ratification("Perwali", "7", Map.of("date", "2015")), SOURCES))
                .then().statusCode(400).body("violations.field", hasItem("programmeYear"));
        record(MINISTRY, body("13.77", TestSupport.freshYear(), false, ratification("Perwali", "7", Map.of("date", "2015")),
                SOURCES)).then().statusCode(400).body("violations[0].field", equalTo("ratification.occurred"));
        record(MINISTRY, body("13.77", null, true, ratification("Perwali", null, null), SOURCES))
                .then().statusCode(400).body("violations.field", hasItem("ratification.number"));
    }

    @Test
    void sourcesAreRequiredAndEveryRefusalWritesNothing() throws Exception {
        int year = TestSupport.freshYear();
        long masterplans = count("masterplan"), outbox = count("outbox_event");
        record(MINISTRY, body("18.72", year, false, ratification("Perwa", "1", null), null)).then().statusCode(400)
                .body("violations[0].field", equalTo("sources"));
        record(MINISTRY, body("18.72", year, false, ratification("Perwa", "1", null),
                List.of(Map.of("url", "not a url")))).then().statusCode(400)
                .body("violations[0].field", equalTo("sources[0].url"));
        var flag = ratification("Perwa", "1", null);
        flag.put("numberKnown", false);
        record(MINISTRY, body("18.72", year, false, flag, SOURCES)).then().statusCode(400)
                .body("violations.field", hasItem("ratification.numberKnown"));
        record(MINISTRY, body("18.72", year, false, ratification("Peraturan Kepala Desa", "1", null), SOURCES))
                .then().statusCode(400).body("violations.field", hasItem("ratification.instrument"));
        record(MINISTRY, body("18.72", year, false, ratification("Perbup", "1", null), SOURCES)).then().statusCode(422);
        record(MINISTRY, body("18.72", year, false, ratification("Perwa", "1", Map.of("date", RecordedAfterTheFactTest.NEXT_YEAR)),
                SOURCES)).then().statusCode(400).body("violations[0].field", equalTo("ratification.occurred"));
        record(Tokens.forRegionOfficer("officer-metro", "18.72"), body("18.72", year, false,
                ratification("Perwa", "1", null), SOURCES)).then().statusCode(403);
        assertThat(count("masterplan")).isEqualTo(masterplans);
        assertThat(count("outbox_event")).isEqualTo(outbox);
    }

    @Test
    void aLiveMasterplanOfTheRegionAndYearIsNotRecordedOverAndTheImporterMayNotUseLivePaths() {
        int year = TestSupport.freshYear();
        String live = TestSupport.open("18.72", year);
        record(IMPORTER, body("18.72", year, false, ratification("Perwa", "3", null), SOURCES)).then().statusCode(409)
                .body("detail", containsString("LIVE"));
        given().auth().oauth2(IMPORTER).get("/api/v1/masterplans/{id}", live).then().statusCode(403);
        given().auth().oauth2(IMPORTER).get("/api/v1/masterplans").then().statusCode(403);
        given().auth().oauth2(IMPORTER).contentType(ContentType.JSON)
                .body(Map.of("regionCode", "18.72", "programmeYear", TestSupport.freshYear(), "kind", "GUIDED", "title", "x"))
                .post("/api/v1/masterplans").then().statusCode(403);
        given().auth().oauth2(IMPORTER).contentType(ContentType.JSON)
                .body(Map.of("instrument", "Perwa", "year", 2022, "number", "1", "ratifiedOn", "2022-01-03"))
                .post("/api/v1/masterplans/{id}/ratification", live).then().statusCode(403);
    }

    static Response correct(String token, String id, String ifMatch, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(json(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/masterplans/{id}/ratification/corrections", id);
    }

    static Response withdraw(String token, String id, String ifMatch, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(json(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/masterplans/{id}/ratification/withdrawal", id);
    }

    @Test
    void aRecordedRatificationIsCorrectedAndWithdrawnInTheOpen() throws Exception {
        int year = TestSupport.freshYear();
        String id = record(IMPORTER, body("61.71", year, false, ratification("Perwa", "52", null), SOURCES))
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/ratification", id).then().statusCode(200)
                .header("ETag", equalTo("\"1\"")).body("revision", equalTo(1)).body("number", equalTo("52"));
        var fix = Map.of("reason", "The JDIH page gives No. 25", "sources", SOURCES,
                "changes", Map.of("number", "25", "occurred", Map.of("date", "2019-07-02")));
        String before = TestSupport.writesOf(id);
        correct(MINISTRY, id, null, fix).then().statusCode(428);
        correct(MINISTRY, id, "\"7\"", fix).then().statusCode(412);
        correct(IMPORTER, id, "\"1\"", fix).then().statusCode(403);
        correct(MINISTRY, id, "\"1\"", Map.of("reason", "x", "sources", SOURCES, "changes", Map.of())).then()
                .statusCode(400).body("violations[0].field", equalTo("changes"));
        correct(MINISTRY, id, "\"1\"", Map.of("reason", "x", "sources", SOURCES, "changes", Map.of("number", "52")))
                .then().statusCode(400).body("violations[0].field", equalTo("changes"));
        correct(MINISTRY, id, "\"1\"", Map.of("reason", "x", "changes", Map.of("number", "25"))).then()
                .statusCode(400).body("violations[0].field", equalTo("sources"));
        assertThat(TestSupport.writesOf(id)).isEqualTo(before);

        correct(MINISTRY, id, "\"1\"", fix).then().statusCode(200).header("ETag", equalTo("\"2\""))
                .body("revision", equalTo(2)).body("number", equalTo("25")).body("ratifiedOn", equalTo("2019-07-02"))
                .body("occurred.precision", equalTo("DAY")).body("year", equalTo(2019));
        assertThat(events(id, "RatificationCorrected")).isEqualTo(1);
        assertThat(payload(id, "RatificationCorrected", "number")).isEqualTo("25");
        assertThat(payload(id, "RatificationCorrected", "ratifiedOn")).isEqualTo("2019-07-02");
        assertThat(payload(id, "RatificationCorrected", "date")).isEqualTo("2019-07-02");
        assertThat(payload(id, "RatificationCorrected", "origin")).isEqualTo("RECORDED");
        assertThat(payload(id, "RatificationCorrected", "correction,revision")).isEqualTo("2");
        assertThat(payload(id, "RatificationCorrected", "correction,previous,number")).isEqualTo("52");
        assertThat(payload(id, "RatificationCorrected", "correction,previous,occurred")).isNull();
        assertThat(payload(id, "RatificationCorrected", "correction,changed")).contains("number", "occurred");
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/ratification/revisions", id).then().statusCode(200)
                .body("total", equalTo(1)).body("masterplanId", equalTo(id)).body("items[0].revision", equalTo(1))
                .body("items[0].value.number", equalTo("52"))
                .body("items[0].reason", equalTo("The JDIH page gives No. 25")).body("items[0].by", equalTo("ministry"));
        // the importer's replay of the first record now differs: a correction made it so
        record(IMPORTER, body("61.71", year, false, ratification("Perwa", "52", null), SOURCES)).then().statusCode(409);

        withdraw(MINISTRY, id, "\"2\"", Map.of("reason", "Not a masterplan of the programme")).then().statusCode(400)
                .body("violations.field", hasItem("sources"));
        withdraw(MINISTRY, id, "\"2\"", Map.of("reason", "Not a masterplan of the programme", "sources", SOURCES))
                .then().statusCode(200).header("ETag", equalTo("\"3\"")).body("withdrawn.reason",
                        equalTo("Not a masterplan of the programme")).body("withdrawn.by", equalTo("ministry"));
        assertThat(events(id, "RatificationWithdrawn")).isEqualTo(1);
        assertThat(payload(id, "RatificationWithdrawn", "withdrawal,revision")).isEqualTo("3");
        assertThat(payload(id, "RatificationWithdrawn", "origin")).isEqualTo("RECORDED");
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().statusCode(200)
                .body("withdrawn.reason", equalTo("Not a masterplan of the programme"));
        given().auth().oauth2(AUDITOR).queryParam("regionCode", "61.71").queryParam("programmeYear", year)
                .get("/api/v1/masterplans").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(AUDITOR).queryParam("regionCode", "61.71").queryParam("programmeYear", year)
                .queryParam("includeWithdrawn", true).get("/api/v1/masterplans").then().statusCode(200)
                .body("total", equalTo(1));
        correct(MINISTRY, id, "\"3\"", fix).then().statusCode(409);
        withdraw(MINISTRY, id, "\"3\"", Map.of("reason", "again", "sources", SOURCES)).then().statusCode(409);
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/ratification/revisions", id).then()
                .statusCode(200).body("total", equalTo(2)).body("items.size()", equalTo(2));
    }

    @Test
    void aWithdrawnLiveRatificationTakesThePlanBackToApproved() throws Exception {
        int year = TestSupport.freshYear();
        String id = TestSupport.open("52.07", year);
        TestSupport.putDocument(MINISTRY, id, TestSupport.etag(id), TestSupport.document(2023, 2027, 3)).then()
                .statusCode(200);
        RecordedAfterTheFactTest.post(MINISTRY, "/submissions", id, null).then().statusCode(201);
        RecordedAfterTheFactTest.post(TestSupport.ASSESSOR, "/review", id, null).then().statusCode(200);
        RecordedAfterTheFactTest.post(TestSupport.ASSESSOR, "/approval", id, Map.of("comments", List.of())).then()
                .statusCode(200);
        RecordedAfterTheFactTest.post(MINISTRY, "/ratification", id, Map.of("instrument", "Perbup", "number", "45",
                "year", 2022, "ratifiedOn", "2022-12-20")).then().statusCode(200).body("ratification.revision", equalTo(1))
                .body("origin", equalTo("LIVE"));
        Map<String, Object> noInstrument = new HashMap<>();
        noInstrument.put("instrument", null);
        correct(MINISTRY, id, "\"1\"", Map.of("reason", "typo", "changes", noInstrument)).then()
                .statusCode(400).body("violations[0].field", equalTo("changes.instrument"));
        correct(MINISTRY, id, "\"1\"", Map.of("reason", "typo", "changes", Map.of("number", "54"))).then()
                .statusCode(200).body("revision", equalTo(2)).body("number", equalTo("54"));
        withdraw(MINISTRY, id, "\"2\"", Map.of("reason", "Recorded for the wrong masterplan")).then().statusCode(200)
                .body("withdrawn.reason", equalTo("Recorded for the wrong masterplan"));
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().statusCode(200)
                .body("state", equalTo("APPROVED")).body("withdrawn", nullValue());
        assertThat(payload(id, "RatificationWithdrawn", "state")).isEqualTo("APPROVED");
        assertThat(payload(id, "RatificationWithdrawn", "origin")).isEqualTo("LIVE");
        // ratified again: the revision goes on, the withdrawn value stays among the earlier ones; the old name of
        // ratifiedOn (`date`, issue 25) is still accepted, the answer gives the new one only
        RecordedAfterTheFactTest.post(MINISTRY, "/ratification", id, Map.of("instrument", "Perbup", "number", "46",
                "year", 2023, "date", "2023-01-20")).then().statusCode(200).body("state", equalTo("RATIFIED"))
                .body("ratification.revision", equalTo(4)).body("ratification.ratifiedOn", equalTo("2023-01-20"))
                .body("ratification.date", nullValue());
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/ratification/revisions", id).then()
                .statusCode(200).body("total", equalTo(3)).body("items[2].value.withdrawn.reason",
                        equalTo("Recorded for the wrong masterplan"));
    }

    @BeforeEach
    void registry() {
        TestSupport.registryReady();
    }

    /** A MouSigned recorded from its sources, as agreement-service publishes it. */
    static ProducerRecord<String, String> recordedMouSigned(String eventId, String regionCode, int year, UUID mouId) {
        ProducerRecord<String, String> live = TestSupport.mouSigned(eventId, regionCode, "Kota", year, year + "-03-01",
                mouId);
        String data = live.value().substring(0, live.value().length() - 1)
                + ",\"origin\":\"RECORDED\",\"occurred\":{\"date\":\"" + year + "-03\",\"precision\":\"MONTH\"},"
                + "\"sources\":[{\"url\":\"https://example.go.id/mou\"}]}";
        return new ProducerRecord<>(live.topic(), null, live.key(), data, live.headers());
    }

    @Test
    void aRecordedMouSignedOpensNoMasterplanAndTheNewAgreementTypesAreNotDeadLettered() throws Exception {
        int year = TestSupport.freshYear();
        UUID mouId = UUID.randomUUID();
        String signed = UUID.randomUUID().toString(), withdrawn = UUID.randomUUID().toString(),
                corrected = UUID.randomUUID().toString();
        send(recordedMouSigned(signed, "18.72", year, mouId),
                TestSupport.cloudEvent(TestSupport.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                        "id.kotacerdas.agreement.MouRecordWithdrawn.v1", "18.72", withdrawn,
                        OffsetDateTime.now(ZoneOffset.UTC), Map.of("mouId", mouId.toString(), "regionCode", "18.72",
                                "programmeYear", year, "withdrawal", Map.of("revision", 1, "reason", "twice",
                                        "sources", List.of(Map.of("url", "https://example.go.id/x"))))),
                TestSupport.cloudEvent(TestSupport.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                        "id.kotacerdas.agreement.LocalCommitmentCorrected.v1", "18.72", corrected,
                        OffsetDateTime.now(ZoneOffset.UTC), Map.of("regionCode", "18.72")));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("processed_event WHERE consumer = 'agreement-events'"
                + " AND event_id IN ('" + signed + "', '" + withdrawn + "', '" + corrected + "')") == 3);
        assertThat(count("masterplan WHERE region_code = '18.72' AND programme_year = " + year)).isZero();
        assertThat(count("outbox_event WHERE payload->>'regionCode' = '18.72' AND payload->>'programmeYear' = '" + year
                + "'")).isZero();
    }
}
