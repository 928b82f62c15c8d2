package id.kotacerdas.agreement;

import static id.kotacerdas.agreement.Api.MINISTRY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Corrections and withdrawals of recorded MoUs in the open (issue 18, item 3): under If-Match (the revision), with a
 * reason and sources, for the ministry only; the earlier values stay readable as revisions; a withdrawn record leaves
 * lists and counts; a live MoU is amended, not corrected.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class RecordCorrectionApiTest {

    static final Duration ARRIVES = Duration.ofSeconds(30);
    static final String SOURCES = "[{\"title\":\"Metro report 2023\",\"url\":\"https://metrokota.go.id/berita/smart-city-2023\"}]";

    @BeforeEach
    void registry() {
        Api.registry();
    }

    static Response correct(String token, String id, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/mous/{id}/corrections", id);
    }

    static Response withdraw(String token, String id, String ifMatch, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", ifMatch).body(body)
                .post("/api/v1/mous/{id}/withdrawal", id);
    }

    static int total(String code, int year, boolean includeWithdrawn) {
        return given().auth().oauth2(MINISTRY).queryParam("regionCode", code).queryParam("programmeYear", year)
                .queryParam("includeWithdrawn", includeWithdrawn).get("/api/v1/mous").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void aRecordedMouIsCorrectedUnderIfMatchAndItsEarlierValueStaysReadable() throws Exception {
        int year = Api.freshYear();
        String first = RecordedMouApiTest.body("18.71", year, "{\"date\":\"2023-02\"}", null);
        String id = RecordedMouApiTest.record(MINISTRY, first).then().statusCode(201).extract().path("id");
        String change = "{\"reason\":\"The report gives the day and the number\",\"sources\":" + SOURCES
                + ",\"changes\":{\"signedOn\":{\"date\":\"2023-02-28\"},\"number\":\"B-9/DJAI/2023\"}}";

        List<Long> before = Api.writes();
        correct(MINISTRY, id, null, change).then().statusCode(428);
        correct(MINISTRY, id, "\"7\"", change).then().statusCode(412);
        correct(RecordedMouApiTest.IMPORTER, id, "\"1\"", change).then().statusCode(403);
        correct(MINISTRY, id, "\"1\"", "{\"reason\":\"x\",\"changes\":{\"number\":\"B-9\"}}").then().statusCode(400)
                .body("violations.field", hasItem("sources"));
        correct(MINISTRY, id, "\"1\"", "{\"reason\":\"x\",\"sources\":" + SOURCES + ",\"changes\":{}}").then()
                .statusCode(400).body("violations.field", hasItem("changes"));
        correct(MINISTRY, id, "\"1\"", "{\"reason\":\"x\",\"sources\":" + SOURCES
                + ",\"changes\":{\"signedOn\":{\"date\":\"2023-02\"}}}").then().statusCode(400)
                .body("violations.field", hasItem("changes"));
        correct(MINISTRY, id, "\"1\"", "{\"reason\":\"x\",\"sources\":" + SOURCES
                + ",\"changes\":{\"signedOn\":{\"date\":\"2023-02-31\"}}}").then().statusCode(400)
                .body("violations.field", hasItem("changes.signedOn.date"));
        assertThat(Api.writes()).as("a refused correction writes nothing").isEqualTo(before);

        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            correct(MINISTRY, id, "\"1\"", change).then().statusCode(200).header("ETag", "\"2\"")
                    .body("revision", equalTo(2)).body("origin", equalTo("RECORDED"))
                    .body("signedOn", equalTo("2023-02-28")).body("occurred.signed.precision", equalTo("DAY"))
                    .body("number", equalTo("B-9/DJAI/2023")).body("numberKnown", equalTo(true));
            ConsumerRecord<String, String> corrected = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouRecordCorrected.v1".equals(KafkaEvents.header(r, "ce_type")), ARRIVES);
            JsonNode data = new ObjectMapper().readTree(corrected.value());
            assertThat(corrected.key()).isEqualTo("18.71");
            assertThat(data.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(data.get("signedOn").asText()).isEqualTo("2023-02-28");
            assertThat(data.at("/occurred/date").asText()).isEqualTo("2023-02-28");
            assertThat(data.get("number").asText()).isEqualTo("B-9/DJAI/2023");
            assertThat(data.at("/correction/revision").asInt()).isEqualTo(2);
            assertThat(data.at("/correction/reason").asText()).isEqualTo("The report gives the day and the number");
            assertThat(data.at("/correction/sources/0/url").asText()).isEqualTo("https://metrokota.go.id/berita/smart-city-2023");
            assertThat(data.at("/correction/previous/occurred/date").asText()).isEqualTo("2023-02");
            assertThat(data.at("/correction/previous/numberKnown").asBoolean(true)).isFalse();
            assertThat(data.at("/correction/previous").has("recordedCeremony")).isFalse();
        }
        given().auth().oauth2(Api.AUDITOR).get("/api/v1/mous/{id}/revisions", id).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].revision", equalTo(1)).body("items[0].value.signedOn.date", equalTo("2023-02"))
                .body("items[0].value.numberKnown", equalTo(false)).body("items[0].by", equalTo("ministry"))
                .body("items[1].revision", equalTo(2)).body("items[1].kind", equalTo("CORRECTION"))
                .body("items[1].reason", equalTo("The report gives the day and the number"))
                .body("items[1].sources[0].url", equalTo("https://metrokota.go.id/berita/smart-city-2023"))
                .body("items[1].value.signedOn.date", equalTo("2023-02-28"))
                .body("items[1].value.number", equalTo("B-9/DJAI/2023"));
        // the importer's replay of the first value is now a difference; of the corrected one, the same fact
        RecordedMouApiTest.record(RecordedMouApiTest.IMPORTER, first).then().statusCode(409)
                .body("violations.field", hasItem("signedOn"));
        assertThat(Api.count("audit_entry WHERE resource_id = '" + id + "' AND action = 'MOU_RECORD_CORRECTED'")).isEqualTo(1);
    }

    @Test
    void aWithdrawnRecordLeavesListsAndCountsStaysReadableAndFreesItsYear() throws Exception {
        int year = Api.freshYear();
        String body = RecordedMouApiTest.body("17.71", year, "{\"date\":\"2019\"}", null);
        String id = RecordedMouApiTest.record(MINISTRY, body).then().statusCode(201).extract().path("id");
        assertThat(total("17.71", year, false)).isEqualTo(1);

        List<Long> before = Api.writes();
        withdraw(MINISTRY, id, "\"1\"", "{\"reason\":\"Recorded for the wrong region\"}").then().statusCode(400)
                .body("violations.field", hasItem("sources"));
        withdraw(MINISTRY, id, "\"1\"", "{\"reason\":\"x\",\"occurred\":{\"date\":\"2020\"},\"sources\":" + SOURCES + "}")
                .then().statusCode(400).body("violations.field", hasItem("occurred"));
        withdraw(MINISTRY, id, "\"5\"", "{\"reason\":\"x\",\"sources\":" + SOURCES + "}").then().statusCode(412);
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body("{\"reason\":\"x\",\"sources\":" + SOURCES + "}")
                .post("/api/v1/mous/{id}/withdrawal", id).then().statusCode(428);
        assertThat(Api.writes()).isEqualTo(before);

        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            withdraw(MINISTRY, id, "\"1\"", "{\"reason\":\"Recorded for the wrong region\",\"sources\":" + SOURCES + "}")
                    .then().statusCode(200).header("ETag", "\"2\"").body("revision", equalTo(2))
                    .body("state", equalTo("SIGNED")).body("withdrawn.reason", equalTo("Recorded for the wrong region"))
                    .body("withdrawn.by", equalTo("ministry"))
                    .body("withdrawn.sources[0].url", equalTo("https://metrokota.go.id/berita/smart-city-2023"));
            ConsumerRecord<String, String> withdrawn = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouRecordWithdrawn.v1".equals(KafkaEvents.header(r, "ce_type")), ARRIVES);
            JsonNode data = new ObjectMapper().readTree(withdrawn.value());
            assertThat(data.get("regionCode").asText()).isEqualTo("17.71");
            assertThat(data.get("programmeYear").asInt()).isEqualTo(year);
            assertThat(data.at("/withdrawal/revision").asInt()).isEqualTo(2);
            assertThat(data.at("/withdrawal/reason").asText()).isEqualTo("Recorded for the wrong region");
        }
        Api.get(MINISTRY, id).then().statusCode(200).body("withdrawn.reason", equalTo("Recorded for the wrong region"));
        assertThat(total("17.71", year, false)).as("a withdrawn record leaves the list").isZero();
        assertThat(total("17.71", year, true)).isEqualTo(1);
        given().auth().oauth2(MINISTRY).queryParam("regionCode", "17.71").queryParam("programmeYear", year)
                .get("/api/v1/mous/counts").then().statusCode(200).body("total", equalTo(0));
        // neither corrected nor withdrawn again
        correct(MINISTRY, id, "\"2\"", "{\"reason\":\"x\",\"sources\":" + SOURCES + ",\"changes\":{\"number\":\"B-1\"}}")
                .then().statusCode(409).body("violations.field", hasItem("withdrawn"));
        withdraw(MINISTRY, id, "\"2\"", "{\"reason\":\"x\",\"sources\":" + SOURCES + "}").then().statusCode(409);
        // the region and year are free again: the right record is a new one
        RecordedMouApiTest.record(MINISTRY, body).then().statusCode(201).body("id", org.hamcrest.Matchers.not(id))
                .body("withdrawn", nullValue());
    }

    @Test
    void aLiveMouIsAmendedNotCorrected() {
        int year = Api.freshYear();
        String id = Api.draft("17.02", year, null).getString("id");
        correct(MINISTRY, id, "\"0\"", "{\"reason\":\"x\",\"sources\":" + SOURCES + ",\"changes\":{\"number\":\"B-1\"}}")
                .then().statusCode(409).body("violations.field", hasItem("origin"))
                .body("detail", containsString("amend"));
    }
}
