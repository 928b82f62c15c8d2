package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.TOPIC;
import static id.kotacerdas.assessment.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
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
import java.io.InputStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 18 item 3: a cohort member corrected and withdrawn in the open (revision, If-Match, revisions, events). */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class CohortMemberCorrectionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String IMPORTER = Tokens.forUser("history-importer", "importer");
    static final String SOURCE = "{\"title\":\"KSB masuk smart city\",\"url\":\"https://www.sumbawabaratkab.go.id/berita/sc\"}";
    static final String FIX = "{\"url\":\"https://www.sumbawabaratkab.go.id/berita/ralat\"}";

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    /** The event has every property its schema requires and none it does not allow. */
    static void matchesSchema(JsonNode event, String type) throws Exception {
        try (InputStream in = CohortMemberCorrectionTest.class
                .getResourceAsStream("/META-INF/resources/events/schemas/" + type + ".v1.json")) {
            JsonNode schema = JSON.readTree(in);
            schema.get("required").forEach(r -> assertThat(event.has(r.asText())).as(type + " has " + r.asText()).isTrue());
            Set<String> allowed = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(allowed::add);
            event.fieldNames().forEachRemaining(f -> assertThat(allowed).as(type + " allows " + f).contains(f));
        }
    }

    static int computedSize(int year) {
        return as(AUDITOR).get("/api/v1/programme-statistics").then().statusCode(200).extract().jsonPath()
                .getInt("years.find { it.programmeYear == " + year + " && it.track == 'KAB_KOTA' }.computed.size");
    }

    @Test
    void aMemberIsCorrectedThenWithdrawnInTheOpen() throws Exception {
        String members = "/api/v1/cohorts/2081/members";
        String path = members + "/52.07";
        as(IMPORTER).body("{\"regionCode\":\"52.07\",\"sources\":[" + SOURCE + "]}").post(members).then().statusCode(201);
        as(IMPORTER).body("{\"regionCode\":\"18.72\",\"sources\":[" + SOURCE + "]}").post(members).then().statusCode(201);
        as(AUDITOR).get(path).then().statusCode(200).header("ETag", "\"1\"").body("revision", equalTo(1))
                .body("withdrawn", nullValue());
        assertThat(computedSize(2081)).isEqualTo(2);

        String correction = "{\"reason\":\"The report names it only as a candidate\",\"sources\":[" + FIX + "],"
                + "\"changes\":{\"confidence\":\"partial\",\"notes\":\"candidate only\"}}";
        long writes = Api.writes();
        // refused writes change nothing: importer 403, no If-Match 428, stale 412, no sources / empty or no-op changes 400
        as(IMPORTER).header("If-Match", "\"1\"").body(correction).post(path + "/corrections").then().statusCode(403);
        as(MINISTRY).body(correction).post(path + "/corrections").then().statusCode(428);
        as(MINISTRY).header("If-Match", "\"7\"").body(correction).post(path + "/corrections").then().statusCode(412);
        as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"x\",\"changes\":{\"confidence\":\"partial\"}}")
                .post(path + "/corrections").then().statusCode(400).body("violations.field", hasItem("sources"));
        as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"x\",\"sources\":[" + FIX + "],\"changes\":{}}")
                .post(path + "/corrections").then().statusCode(400).body("violations.field", hasItem("changes"));
        as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"x\",\"sources\":[" + FIX + "],"
                + "\"changes\":{\"confidence\":\"confirmed\"}}").post(path + "/corrections").then().statusCode(400)
                .body("violations.field", hasItem("changes"));
        as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"x\",\"sources\":[" + FIX + "]}")
                .post(path + "/corrections").then().statusCode(400).body("violations.field", hasItem("changes"));
        assertThat(Api.writes()).isEqualTo(writes);

        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            as(MINISTRY).header("If-Match", "\"1\"").body(correction).post(path + "/corrections").then()
                    .log().ifValidationFails().statusCode(200).header("ETag", "\"2\"").body("revision", equalTo(2))
                    .body("confidence", equalTo("partial")).body("notes", equalTo("candidate only"));
            JsonNode corrected = JSON.readTree(events.awaitRecord(r -> "2081/KAB_KOTA".equals(r.key())
                    && KafkaEvents.header(r, "ce_type").contains("CohortMemberCorrected"),
                    Duration.ofSeconds(15)).value());
            matchesSchema(corrected, "CohortMemberCorrected");
            assertThat(corrected.get("regionCode").asText()).isEqualTo("52.07");
            assertThat(corrected.get("confidence").asText()).isEqualTo("partial");
            assertThat(corrected.get("correction").get("revision").asInt()).isEqualTo(2);
            assertThat(corrected.get("correction").get("previous").get("confidence").asText()).isEqualTo("confirmed");
            assertThat(corrected.get("correction").get("sources").get(0).get("url").asText())
                    .isEqualTo("https://www.sumbawabaratkab.go.id/berita/ralat");
        }
        as(AUDITOR).get(path + "/revisions").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].revision", equalTo(1)).body("items[0].value.confidence", equalTo("confirmed"))
                .body("items[0].reason", equalTo("The report names it only as a candidate"));

        // withdrawal: sources required, If-Match, then the member leaves the lists and the statistics
        as(MINISTRY).header("If-Match", "\"2\"").body("{\"reason\":\"wrong year\"}").post(path + "/withdrawal").then()
                .statusCode(400).body("violations.field", hasItem("sources"));
        as(IMPORTER).header("If-Match", "\"2\"").body("{\"reason\":\"wrong year\",\"sources\":[" + FIX + "]}")
                .post(path + "/withdrawal").then().statusCode(403);
        as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"wrong year\",\"sources\":[" + FIX + "]}")
                .post(path + "/withdrawal").then().statusCode(412);
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            as(MINISTRY).header("If-Match", "\"2\"").body("{\"reason\":\"wrong year\",\"sources\":[" + FIX + "]}")
                    .post(path + "/withdrawal").then().statusCode(200).header("ETag", "\"3\"")
                    .body("withdrawn.reason", equalTo("wrong year")).body("withdrawn.by", equalTo("ministry"));
            JsonNode withdrawn = JSON.readTree(events.awaitRecord(r -> "2081/KAB_KOTA".equals(r.key())
                    && KafkaEvents.header(r, "ce_type").contains("CohortMemberWithdrawn"),
                    Duration.ofSeconds(15)).value());
            matchesSchema(withdrawn, "CohortMemberWithdrawn");
            assertThat(withdrawn.get("withdrawal").get("revision").asInt()).isEqualTo(3);
        }
        assertThat(computedSize(2081)).isEqualTo(1);
        as(AUDITOR).get("/api/v1/cohorts?size=100").then().log().ifValidationFails().statusCode(200)
                .body("items.find { it.programmeYear == 2081 }.members.regionCode", not(hasItem("52.07")));
        as(AUDITOR).get("/api/v1/cohorts?includeWithdrawn=true&size=100").then().statusCode(200)
                .body("items.find { it.programmeYear == 2081 }.members.regionCode", hasItem("52.07"));
        as(AUDITOR).get(path).then().statusCode(200).body("withdrawn.reason", equalTo("wrong year"));
        as(AUDITOR).get(path + "/revisions").then().statusCode(200).body("items.size()", equalTo(2));
        // a withdrawn member is neither withdrawn again nor corrected
        as(MINISTRY).header("If-Match", "\"3\"").body("{\"reason\":\"again\",\"sources\":[" + FIX + "]}")
                .post(path + "/withdrawal").then().statusCode(409);
        as(MINISTRY).header("If-Match", "\"3\"").body(correction).post(path + "/corrections").then().statusCode(409);
        assertThat(Api.writes()).isGreaterThan(writes);
    }
}
