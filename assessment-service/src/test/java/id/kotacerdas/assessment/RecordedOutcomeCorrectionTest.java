package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.TOPIC;
import static id.kotacerdas.assessment.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 item 3 (helper L): a recorded assessment outcome corrected and withdrawn in the open (revision, If-Match,
 * revisions, events); the cohort membership it makes follows it. Programme years 2091-2094 only.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class RecordedOutcomeCorrectionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String IMPORTER = Tokens.forUser("history-importer", "importer");
    static final String PATH = "/api/v1/recorded-assessments";
    static final String SOURCE = "{\"title\":\"Metro masuk smart city\",\"url\":\"https://metrokota.go.id/berita/sc\"}";
    static final String FIX = "{\"url\":\"https://aptika.kominfo.go.id/daftar-ralat\"}";

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    static String outcome(int year, String code, String outcome) {
        return "{\"programmeYear\":" + year + ",\"track\":\"KAB_KOTA\",\"regionCode\":\"" + code + "\",\"outcome\":\""
                + outcome + "\",\"score\":65.0,\"invited\":{\"date\":\"2022-02\"},\"occurred\":{\"date\":\"2022-04\"},"
                + "\"sources\":[" + SOURCE + "]}";
    }

    static String correction(String changes) {
        return "{\"reason\":\"The ministry's list says otherwise\",\"sources\":[" + FIX + "],\"changes\":" + changes + "}";
    }

    static List<String> cohortCodes(int year) {
        return as(AUDITOR).get("/api/v1/cohorts?size=100").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.programmeYear == " + year + " }.members.flatten().regionCode");
    }

    static Integer computedSize(int year) {
        return as(AUDITOR).get("/api/v1/programme-statistics").then().statusCode(200).extract().jsonPath()
                .get("years.find { it.programmeYear == " + year + " && it.track == 'KAB_KOTA' }.computed.size");
    }

    static JsonNode await(KafkaEvents events, String key, String type) throws Exception {
        return JSON.readTree(events.awaitRecord(r -> key.equals(r.key())
                && ("id.kotacerdas.assessment." + type + ".v1").equals(KafkaEvents.header(r, "ce_type")),
                Duration.ofSeconds(15)).value());
    }

    @Test
    void aRecordedOutcomeIsCorrectedInTheOpenAndItsCohortMembershipFollows() throws Exception {
        String id = as(IMPORTER).body(outcome(2091, "18.72", "SELECTED")).post(PATH).then().log().ifValidationFails()
                .statusCode(201).body("revision", equalTo(1)).extract().path("id");
        String at = PATH + "/" + id;
        as(AUDITOR).get(at).then().statusCode(200).header("ETag", "\"1\"").body("revision", equalTo(1))
                .body("withdrawn", nullValue());
        assertThat(cohortCodes(2091)).contains("18.72");
        assertThat(computedSize(2091)).isEqualTo(1);

        long writes = Api.writes();
        String toNotSelected = correction("{\"outcome\":\"NOT_SELECTED\",\"scoreKnown\":false}");
        as(MINISTRY).body(toNotSelected).post(at + "/corrections").then().statusCode(428);
        as(MINISTRY).header("If-Match", "\"7\"").body(toNotSelected).post(at + "/corrections").then().statusCode(412);
        as(IMPORTER).header("If-Match", "\"1\"").body(toNotSelected).post(at + "/corrections").then().statusCode(403);
        as(AUDITOR).header("If-Match", "\"1\"").body(toNotSelected).post(at + "/corrections").then().statusCode(403);
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{}")).post(at + "/corrections").then().statusCode(400)
                .body("violations[0].field", equalTo("changes"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"outcome\":\"SELECTED\",\"score\":65}"))
                .post(at + "/corrections").then().statusCode(400).body("violations[0].field", equalTo("changes"))
                .body("detail", containsString("changes nothing"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"programmeYear\":2092}")).post(at + "/corrections")
                .then().statusCode(400).body("violations[0].field", equalTo("changes.programmeYear"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"score\":70,\"scoreKnown\":false}"))
                .post(at + "/corrections").then().statusCode(400).body("violations.field", hasItem("changes.score"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"rankKnown\":true}"))
                .post(at + "/corrections").then().statusCode(400).body("violations.field", hasItem("changes.rank"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"occurred\":{\"date\":\"2022-01\"}}"))
                .post(at + "/corrections").then().statusCode(400).body("violations[0].field", equalTo("changes.occurred"));
        as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"x\",\"changes\":{\"outcome\":\"NOT_SELECTED\"}}")
                .post(at + "/corrections").then().statusCode(400).body("violations.field", hasItem("sources"));
        assertThat(Api.writes()).isEqualTo(writes);

        // SELECTED -> NOT_SELECTED, the score said unknown: the region leaves the 2091 cohort
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            as(MINISTRY).header("If-Match", "\"1\"").body(toNotSelected).post(at + "/corrections").then()
                    .log().ifValidationFails().statusCode(200).header("ETag", "\"2\"").body("revision", equalTo(2))
                    .body("outcome", equalTo("NOT_SELECTED")).body("score", nullValue())
                    .body("scoreKnown", equalTo(false)).body("cohortMember", equalTo(false))
                    .body("invited.date", equalTo("2022-02"));
            JsonNode corrected = await(events, "18.72", "AssessmentOutcomeCorrected");
            CohortMemberCorrectionTest.matchesSchema(corrected, "AssessmentOutcomeCorrected");
            assertThat(corrected.get("recordId").asText()).isEqualTo(id);
            assertThat(corrected.get("cycleId").isNull()).isTrue();
            assertThat(corrected.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(corrected.get("outcome").asText()).isEqualTo("NOT_SELECTED");
            assertThat(corrected.get("programmeYear").asInt()).isEqualTo(2091);
            assertThat(corrected.get("score").isNull()).isTrue();
            assertThat(corrected.get("correction").get("revision").asInt()).isEqualTo(2);
            assertThat(corrected.get("correction").get("sources").get(0).get("url").asText())
                    .isEqualTo("https://aptika.kominfo.go.id/daftar-ralat");
            assertThat(corrected.get("correction").get("previous").get("outcome").asText()).isEqualTo("SELECTED");
            assertThat(corrected.get("correction").get("previous").get("score").asDouble()).isEqualTo(65.0);
            assertThat(corrected.get("correction").get("previous").has("occurred")).isFalse();
        }
        assertThat(cohortCodes(2091)).doesNotContain("18.72");
        assertThat(computedSize(2091)).isIn(null, 0);

        // back to SELECTED with a known score and rank, the invitation date unknown: a member again
        as(MINISTRY).header("If-Match", "\"2\"")
                .body(correction("{\"outcome\":\"SELECTED\",\"score\":70.5,\"rank\":4,\"invited\":null,\"assessmentYear\":2021}"))
                .post(at + "/corrections").then().log().ifValidationFails().statusCode(200).body("revision", equalTo(3))
                .body("score", equalTo(70.5f)).body("rank", equalTo(4)).body("rankKnown", equalTo(true))
                .body("invited", nullValue()).body("assessmentYear", equalTo(2021)).body("cohortMember", equalTo(true));
        assertThat(cohortCodes(2091)).contains("18.72");
        assertThat(computedSize(2091)).isEqualTo(1);

        as(AUDITOR).get(at + "/revisions").then().statusCode(200).body("items.size()", equalTo(2))
                .body("items[0].revision", equalTo(1)).body("items[0].value.outcome", equalTo("SELECTED"))
                .body("items[0].value.score", equalTo(65.0f)).body("items[0].by", equalTo("ministry"))
                .body("items[0].reason", equalTo("The ministry's list says otherwise"))
                .body("items[0].sources[0].url", equalTo("https://aptika.kominfo.go.id/daftar-ralat"))
                .body("items[1].revision", equalTo(2)).body("items[1].value.outcome", equalTo("NOT_SELECTED"));
        as(AUDITOR).get("/api/v1/audit/assessment-service").then().statusCode(200)
                .body(containsString("ASSESSMENT_OUTCOME_CORRECTED"));
    }

    @Test
    void aWithdrawnOutcomeLeavesTheListsAndTheCohortButStaysReadable() throws Exception {
        String id = as(IMPORTER).body(outcome(2092, "51.02", "SELECTED")).post(PATH).then().log().ifValidationFails()
                .statusCode(201).extract().path("id");
        String at = PATH + "/" + id;
        assertThat(cohortCodes(2092)).contains("51.02");
        long writes = Api.writes();
        as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"Not in the ministry's list\"}")
                .post(at + "/withdrawal").then().statusCode(400).body("violations.field", hasItem("sources"));
        as(MINISTRY).body("{\"reason\":\"Not in the ministry's list\",\"sources\":[" + FIX + "]}")
                .post(at + "/withdrawal").then().statusCode(428);
        assertThat(Api.writes()).isEqualTo(writes);

        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"Not in the ministry's list\",\"sources\":[" + FIX + "]}")
                    .post(at + "/withdrawal").then().log().ifValidationFails().statusCode(200)
                    .header("ETag", "\"2\"").body("withdrawn.reason", equalTo("Not in the ministry's list"))
                    .body("withdrawn.by", equalTo("ministry")).body("withdrawn.sources[0].url", equalTo("https://aptika.kominfo.go.id/daftar-ralat"))
                    .body("cohortMember", equalTo(false));
            JsonNode withdrawn = await(events, "51.02", "AssessmentOutcomeWithdrawn");
            CohortMemberCorrectionTest.matchesSchema(withdrawn, "AssessmentOutcomeWithdrawn");
            assertThat(withdrawn.get("recordId").asText()).isEqualTo(id);
            assertThat(withdrawn.get("programmeYear").asInt()).isEqualTo(2092);
            assertThat(withdrawn.get("track").asText()).isEqualTo("KAB_KOTA");
            assertThat(withdrawn.get("withdrawal").get("revision").asInt()).isEqualTo(2);
        }
        as(AUDITOR).get(at).then().statusCode(200).header("ETag", "\"2\"").body("withdrawn.at", not(nullValue()));
        as(AUDITOR).get(PATH + "?programmeYear=2092").then().statusCode(200).body("items.id", not(hasItem(id)));
        as(AUDITOR).get(PATH + "?programmeYear=2092&includeWithdrawn=true").then().statusCode(200)
                .body("items.id", hasItem(id));
        assertThat(cohortCodes(2092)).doesNotContain("51.02");
        as(AUDITOR).get("/api/v1/cohorts/2092/members/51.02").then().statusCode(404);
        // a withdrawn fact is neither corrected nor withdrawn again
        as(MINISTRY).header("If-Match", "\"2\"").body(correction("{\"outcome\":\"NOT_SELECTED\"}"))
                .post(at + "/corrections").then().statusCode(409);
        as(MINISTRY).header("If-Match", "\"2\"").body("{\"reason\":\"again\",\"sources\":[" + FIX + "]}")
                .post(at + "/withdrawal").then().statusCode(409);
        as(AUDITOR).get(at + "/revisions").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].value.outcome", equalTo("SELECTED"));
        as(AUDITOR).get(PATH + "/" + java.util.UUID.randomUUID() + "/revisions").then().statusCode(404);
    }
}
