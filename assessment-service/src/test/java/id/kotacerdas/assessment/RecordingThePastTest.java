package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.TOPIC;
import static id.kotacerdas.assessment.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 2 (readiness): facts recorded from their sources. The importer (a machine client) may record cohort
 * members and nothing else; a record is idempotent by its natural key (201 new, 200 the same, 409 different); every
 * read and event says `origin`.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class RecordingThePastTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String IMPORTER = Tokens.forUser("history-importer", "importer");
    static final String SOURCE = "{\"title\":\"KSB masuk smart city\",\"url\":\"https://www.sumbawabaratkab.go.id/berita/sc\","
            + "\"publishedOn\":\"2022-04-21\"}";

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    @Test
    void theImporterRecordsACohortMemberFromItsSourcesOnceAndOnlyThat() throws Exception {
        String path = "/api/v1/cohorts/2051/members";
        String body = "{\"regionCode\":\"52.07\",\"sources\":[" + SOURCE + "],\"occurred\":{\"date\":\"2022-04\"}}";
        long writes = Api.writes();
        // a recorded member needs a source: 400 naming `sources` (and the older `source`), and each source a web address
        as(IMPORTER).body("{\"regionCode\":\"52.07\"}").post(path).then().statusCode(400)
                .body("violations.field", hasItems("sourceUrl", "sources"));
        as(IMPORTER).body("{\"regionCode\":\"52.07\",\"sources\":[]}").post(path).then().statusCode(400)
                .body("violations.field", hasItem("sources"));
        as(IMPORTER).body("{\"regionCode\":\"52.07\",\"sources\":[{\"url\":\"not a url\"}]}").post(path).then()
                .statusCode(400).body("violations.field", hasItem("sources[0].url"));
        assertThat(Api.writes()).isEqualTo(writes);

        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            as(IMPORTER).body(body).post(path).then().log().ifValidationFails().statusCode(201)
                    .header("Location", containsString("/api/v1/cohorts/2051/members/52.07"))
                    .body("origin", equalTo("RECORDED")).body("sourceUrl", equalTo("https://www.sumbawabaratkab.go.id/berita/sc"))
                    .body("sources[0].title", equalTo("KSB masuk smart city")).body("sources[0].publishedOn", equalTo("2022-04-21"))
                    .body("occurred.date", equalTo("2022-04")).body("occurred.precision", equalTo("MONTH"));
            JsonNode recorded = JSON.readTree(events.awaitRecord(r -> "2051/KAB_KOTA".equals(r.key()), Duration.ofSeconds(15))
                    .value());
            assertThat(recorded.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(recorded.get("occurred").get("date").asText()).isEqualTo("2022-04");
            assertThat(recorded.get("members").get(0).get("sources").get(0).get("url").asText())
                    .isEqualTo("https://www.sumbawabaratkab.go.id/berita/sc");
        }

        // the same member again: 200 with the stored one, no event, no audit entry
        long after = Api.writes();
        as(IMPORTER).body(body).post(path).then().statusCode(200).body("origin", equalTo("RECORDED"))
                .body("regionName", equalTo("Kabupaten Sumbawa Barat"));
        // different content: 409 naming the first differing field, and saying to use a correction
        as(IMPORTER).body("{\"regionCode\":\"52.07\",\"sources\":[" + SOURCE + "],\"occurred\":{\"date\":\"2022-04\"},"
                + "\"confidence\":\"partial\"}").post(path).then().statusCode(409).contentType("application/problem+json")
                .body("violations[0].field", equalTo("confidence")).body("detail", containsString("use a correction"));
        as(IMPORTER).body("{\"regionCode\":\"52.07\",\"sources\":[" + SOURCE + "]}").post(path).then().statusCode(409)
                .body("violations[0].field", equalTo("occurred"));
        assertThat(Api.writes()).isEqualTo(after);

        as(AUDITOR).get(path + "/52.07").then().statusCode(200).body("origin", equalTo("RECORDED"))
                .body("sources[0].url", equalTo("https://www.sumbawabaratkab.go.id/berita/sc"));
        as(AUDITOR).get(path + "/18.72").then().statusCode(404);
        as(AUDITOR).get("/api/v1/cohorts?size=100").then().statusCode(200)
                .body("items.find { it.programmeYear == 2051 }.members[0].origin", equalTo("RECORDED"));
    }

    @Test
    void theImporterMayNotReadNorRunTheLiveWorkflow() {
        as(IMPORTER).get("/api/v1/cohorts?size=100").then().statusCode(403);
        as(IMPORTER).get("/api/v1/programme-statistics").then().statusCode(403);
        as(IMPORTER).body(Flow.plan(2052, 2053, Flow.FUTURE, 1, 0, null)).post("/api/v1/assessment-cycles").then()
                .statusCode(403);
        as(IMPORTER).get("/api/v1/result-letters").then().statusCode(403);
        // the ministry may record too
        as(MINISTRY).body("{\"regionCode\":\"18.72\",\"sources\":[" + SOURCE + "]}").post("/api/v1/cohorts/2052/members")
                .then().statusCode(201).body("origin", equalTo("RECORDED"));
    }

    @Test
    void theDeclaredFiguresOfACohortAreRecordedOnceFromTheirSources() throws Exception {
        String path = "/api/v1/cohorts/2054/declared-figures";
        String body = "{\"track\":\"KAB_KOTA\",\"size\":30,\"repeats\":2,\"sources\":[" + SOURCE + "]}";
        long writes = Api.writes();
        as(IMPORTER).body("{\"track\":\"KAB_KOTA\",\"size\":30,\"repeats\":2}").post(path).then().statusCode(400)
                .body("violations.field", hasItem("sources"));
        as(IMPORTER).body("{\"track\":\"KAB_KOTA\",\"size\":3,\"repeats\":5,\"sources\":[" + SOURCE + "]}").post(path)
                .then().statusCode(400).body("violations[0].field", equalTo("repeats"));
        as(AUDITOR).body(body).post(path).then().statusCode(403);
        assertThat(Api.writes()).isEqualTo(writes);
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            as(IMPORTER).body(body).post(path).then().log().ifValidationFails().statusCode(201)
                    .body("programmeYear", equalTo(2054)).body("size", equalTo(30)).body("origin", equalTo("RECORDED"))
                    .body("sources[0].url", equalTo("https://www.sumbawabaratkab.go.id/berita/sc"));
            JsonNode recorded = JSON.readTree(events.awaitRecord(r -> "2054/KAB_KOTA".equals(r.key()), Duration.ofSeconds(15))
                    .value());
            assertThat(recorded.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(recorded.get("declared").get("size").asInt()).isEqualTo(30);
            assertThat(recorded.get("declared").get("sources").get(0).get("url").asText())
                    .isEqualTo("https://www.sumbawabaratkab.go.id/berita/sc");
        }
        long after = Api.writes();
        as(MINISTRY).body(body).post(path).then().statusCode(200).body("size", equalTo(30));
        as(MINISTRY).body(body.replace("\"size\":30", "\"size\":31")).post(path).then().statusCode(409)
                .body("violations[0].field", equalTo("size")).body("detail", containsString("use a correction"));
        assertThat(Api.writes()).isEqualTo(after);
        as(MINISTRY).get("/api/v1/programme-statistics").then().statusCode(200)
                .body("years.find { it.programmeYear == 2054 }.declaredBySource.size", equalTo(30));
    }

    static String outcome(String code, String track, String outcome, String extra) {
        return "{\"programmeYear\":2061,\"track\":\"" + track + "\",\"assessmentYear\":2021,\"regionCode\":\"" + code
                + "\",\"outcome\":\"" + outcome + "\"" + extra + ",\"sources\":[" + SOURCE + "]}";
    }

    static JsonNode recordedEvent(KafkaEvents events, String key, String type, String recordId) throws Exception {
        return JSON.readTree(events.awaitRecord(r -> AssessmentFlowTest.is(r, key, type, recordId), Duration.ofSeconds(15))
                .value());
    }

    @Test
    void aPastOutcomeIsRecordedInItsOwnTableWithUnknownsLeftUnknownAndCountsOnceInItsCohort() throws Exception {
        String path = "/api/v1/recorded-assessments";
        String dates = ",\"invited\":{\"date\":\"2022-01-10\"},\"submitted\":{\"date\":\"2022-02-10\"},"
                + "\"occurred\":{\"date\":\"2022-04\"}";
        String metro = outcome("18.72", "KAB_KOTA", "SELECTED", ",\"score\":65.0,\"scoreKnown\":true,\"rank\":null,"
                + "\"rankKnown\":false" + dates);
        long writes = Api.writes();
        long cycles = Api.count("assessment_cycle");
        as(IMPORTER).body(metro.replace(",\"sources\":[" + SOURCE + "]", "")).post(path).then().statusCode(400)
                .body("violations.field", hasItem("sources"));
        as(IMPORTER).body(metro.replace("\"scoreKnown\":true", "\"scoreKnown\":false")).post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("score"));
        as(IMPORTER).body(metro.replace("2022-01-10", "2022-03-01")).post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("submitted")).body("detail", containsString("before the invitation"));
        as(IMPORTER).body(metro.replace("\"date\":\"2022-04\"", "\"date\":\"2022-01\"")).post(path).then()
                .statusCode(400).body("violations[0].field", equalTo("occurred"));
        as(IMPORTER).body(outcome("18.72", "KAB_KOTA", "SELECTED", "")).post(path).then().statusCode(400)
                .body("violations.field", hasItem("occurred"));
        as(IMPORTER).body(metro.replace("18.72", "52.99")).post(path).then().statusCode(422)
                .body("violations[0].field", equalTo("regionCode"));
        as(IMPORTER).body(metro.replace("KAB_KOTA", "PROVINCE")).post(path).then().statusCode(422)
                .body("violations[0].field", equalTo("track"));
        as(AUDITOR).body(metro).post(path).then().statusCode(403);
        assertThat(Api.writes()).isEqualTo(writes);

        String id;
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            id = as(IMPORTER).body(metro).post(path).then().log().ifValidationFails().statusCode(201)
                    .header("Location", containsString("/api/v1/recorded-assessments/"))
                    .body("origin", equalTo("RECORDED")).body("outcome", equalTo("SELECTED"))
                    .body("score", equalTo(65.0f)).body("scoreKnown", equalTo(true))
                    .body("rank", org.hamcrest.Matchers.nullValue()).body("rankKnown", equalTo(false))
                    .body("invited.date", equalTo("2022-01-10")).body("submitted.date", equalTo("2022-02-10"))
                    .body("occurred.date", equalTo("2022-04")).body("occurred.precision", equalTo("MONTH"))
                    .body("cohortMember", equalTo(true)).extract().path("id");
            JsonNode invited = recordedEvent(events, "18.72", "RegionInvited", id);
            assertThat(invited.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(invited.get("cycleId").isNull()).isTrue();
            assertThat(invited.get("occurred").get("date").asText()).isEqualTo("2022-01-10");
            assertThat(recordedEvent(events, "18.72", "SelfAssessmentSubmitted", id).get("occurred").get("date").asText())
                    .isEqualTo("2022-02-10");
            assertThat(recordedEvent(events, "18.72", "RegionScored", id).get("score").asDouble()).isEqualTo(65.0);
            JsonNode selected = recordedEvent(events, "18.72", "RegionSelected", id);
            assertThat(selected.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(selected.get("recordId").asText()).isEqualTo(id);
            assertThat(selected.get("cycleId").isNull()).isTrue();
            assertThat(selected.get("selectionId").isNull()).isTrue();
            assertThat(selected.get("rank").isNull()).isTrue();
            assertThat(selected.get("programmeYear").asInt()).isEqualTo(2061);
            assertThat(selected.get("occurred").get("precision").asText()).isEqualTo("MONTH");
            assertThat(selected.get("sources").get(0).get("url").asText()).isEqualTo("https://www.sumbawabaratkab.go.id/berita/sc");
        }
        assertThat(Api.count("assessment_cycle")).isEqualTo(cycles);
        long after = Api.writes();
        as(IMPORTER).body(metro).post(path).then().statusCode(200).body("id", equalTo(id));
        as(IMPORTER).body(metro.replace("65.0", "66.0")).post(path).then().statusCode(409)
                .body("violations[0].field", equalTo("score")).body("detail", containsString("use a correction"));
        assertThat(Api.writes()).isEqualTo(after);
        as(AUDITOR).get(path + "/" + id).then().statusCode(200).body("regionName", equalTo("Kota Metro"));
        as(AUDITOR).get(path + "?programmeYear=2061").then().statusCode(200).body("items.regionCode", hasItem("18.72"));
        as(IMPORTER).get(path + "/" + id).then().statusCode(403);

        // not selected, nothing known but the outcome: no RegionScored, RegionNotSelected with unknowns null
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            String tabanan = as(IMPORTER).body(outcome("51.02", "KAB_KOTA", "NOT_SELECTED",
                    ",\"occurred\":{\"date\":\"2022\"}")).post(path).then().statusCode(201)
                    .body("scoreKnown", equalTo(false)).body("score", org.hamcrest.Matchers.nullValue())
                    .body("cohortMember", equalTo(false)).extract().path("id");
            JsonNode not = recordedEvent(events, "51.02", "RegionNotSelected", tabanan);
            assertThat(not.get("outcome").asText()).isEqualTo("NOT_SELECTED");
            assertThat(not.get("score").isNull()).isTrue();
            assertThat(not.get("origin").asText()).isEqualTo("RECORDED");
        }

        // one membership, not two: Sumbawa Barat imported as a member of 2061 and selected in a recorded outcome
        as(IMPORTER).body("{\"regionCode\":\"52.07\",\"sources\":[" + SOURCE + "]}").post("/api/v1/cohorts/2061/members")
                .then().statusCode(201);
        as(IMPORTER).body(outcome("52.07", "KAB_KOTA", "SELECTED", ",\"occurred\":{\"date\":\"2022-04-21\"}")).post(path)
                .then().statusCode(201);
        as(AUDITOR).get("/api/v1/cohorts?size=100").then().statusCode(200)
                .body("items.find { it.programmeYear == 2061 }.identifiedMembers", equalTo(2))
                .body("items.find { it.programmeYear == 2061 }.members.source", hasItems("IMPORT", "RECORDED_ASSESSMENT"))
                .body("items.find { it.programmeYear == 2061 }.members.size()", equalTo(2));
        as(AUDITOR).get("/api/v1/programme-statistics").then().statusCode(200)
                .body("years.find { it.programmeYear == 2061 }.computed.size", equalTo(2));
    }

    @Test
    void aResultLetterIsRecordedOnItsOwnFromItsSources() throws Exception {
        String path = "/api/v1/result-letters";
        String letter = "{\"number\":\"B-5001/DJAI/AI.01.02/03/2018\",\"date\":\"2018-03-16\",\"programmeYear\":2018,"
                + "\"regions\":[{\"regionCode\":\"18.72\",\"track\":\"KAB_KOTA\"},{\"regionCode\":\"51.02\",\"track\":\"KAB_KOTA\"}],"
                + "\"sources\":[" + SOURCE + "]}";
        long writes = Api.writes();
        as(IMPORTER).body(letter.replace(",\"sources\":[" + SOURCE + "]", "")).post(path).then().statusCode(400)
                .body("violations.field", hasItem("sources"));
        as(IMPORTER).body(letter.replace("\"51.02\"", "\"52.99\"")).post(path).then().statusCode(422)
                .body("violations[0].field", equalTo("regions[1].regionCode"));
        as(IMPORTER).body(letter.replace("/03/2018", "/04/2018")).post(path).then().statusCode(422)
                .body("violations[0].field", equalTo("number"));
        as(AUDITOR).body(letter).post(path).then().statusCode(403);
        assertThat(Api.writes()).isEqualTo(writes);
        String id;
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            id = as(IMPORTER).body(letter).post(path).then().log().ifValidationFails().statusCode(201)
                    .body("origin", equalTo("RECORDED")).body("recorded", equalTo(true))
                    .body("cycleId", org.hamcrest.Matchers.nullValue()).body("regions.regionName", hasItems("Kota Metro"))
                    .body("sources[0].url", equalTo("https://www.sumbawabaratkab.go.id/berita/sc")).extract().path("id");
            String letterId = id;
            JsonNode issued = JSON.readTree(events.awaitRecord(r -> letterId.equals(r.key())
                    && "id.kotacerdas.assessment.ResultLetterIssued.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(15)).value());
            assertThat(issued.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(issued.get("recorded").asBoolean()).isTrue();
            assertThat(issued.get("cycleId").isNull()).isTrue();
            assertThat(issued.get("recordId").asText()).isEqualTo(id);
            assertThat(issued.get("occurred").get("date").asText()).isEqualTo("2018-03-16");
        }
        long after = Api.writes();
        as(IMPORTER).body(letter).post(path).then().statusCode(200).body("id", equalTo(id));
        as(IMPORTER).body(letter.replace("\"programmeYear\":2018", "\"programmeYear\":2019")).post(path).then()
                .statusCode(409).body("violations[0].field", equalTo("programmeYear"));
        assertThat(Api.writes()).isEqualTo(after);
        as(AUDITOR).get(path + "/" + id).then().statusCode(200).body("origin", equalTo("RECORDED"));
    }
}
