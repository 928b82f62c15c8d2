package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A stuck evaluation cycle is cancelled with a reason (issue 18 item 3). Years 2073–2075 are this test's own. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class EvaluationCycleCancellationTest {

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    @Test
    void aStuckCycleIsCancelledUnderIfMatchWithAReasonAuditedAndPublished() throws Exception {
        Evaluations.Cycle cycle = new Evaluations.Cycle(2073).move("SELF_ASSESSMENT");
        String reason = "{\"reason\":\"Opened for the wrong year\"}";
        long writes = Api.writes();
        as(MINISTRY).body(reason).post(cycle.path("/cancellation")).then().statusCode(428);
        as(MINISTRY).header("If-Match", "\"99\"").body(reason).post(cycle.path("/cancellation")).then().statusCode(412);
        as(MINISTRY).header("If-Match", cycle.etag).body("{}").post(cycle.path("/cancellation")).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(RecordedEvaluationTest.IMPORTER).header("If-Match", cycle.etag).body(reason).post(cycle.path("/cancellation"))
                .then().statusCode(403);
        as(Api.AUDITOR).header("If-Match", cycle.etag).body(reason).post(cycle.path("/cancellation")).then().statusCode(403);
        assertThat(Api.writes()).isEqualTo(writes);
        try (KafkaEvents events = KafkaEvents.on(Evaluations.TOPIC)) {
            as(MINISTRY).header("If-Match", cycle.etag).body(reason).post(cycle.path("/cancellation")).then()
                    .log().ifValidationFails().statusCode(200).body("state", equalTo("CANCELLED"))
                    .body("nextState", nullValue()).body("cancellation.reason", equalTo("Opened for the wrong year"))
                    .body("cancellation.by", equalTo("ministry"));
            JsonNode data = Evaluations.JSON.readTree(events.awaitRecord(r -> cycle.id.equals(r.key())
                    && "id.kotacerdas.assessment.EvaluationCycleCancelled.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(15)).value());
            assertThat(data.get("fromState").asText()).isEqualTo("SELF_ASSESSMENT");
            assertThat(data.get("evaluationYear").asInt()).isEqualTo(data.get("year").asInt());
            assertThat(data.get("reason").asText()).isEqualTo("Opened for the wrong year");
        }
        assertThat(Api.count("SELECT count(*) FROM audit_entry WHERE action = 'EVALUATION_CYCLE_CANCELLED' AND resource_id = '"
                + cycle.id + "'")).isEqualTo(1);
        String etag = as(MINISTRY).get(cycle.path("")).then().statusCode(200).body("state", equalTo("CANCELLED"))
                .extract().header("ETag");
        // final: no second cancellation, no transition
        as(MINISTRY).header("If-Match", etag).body(reason).post(cycle.path("/cancellation")).then().statusCode(409)
                .body("detail", containsString("CANCELLED"));
        as(MINISTRY).header("If-Match", etag).body("{\"state\":\"INTERVIEWS\"}").post(cycle.path("/transitions")).then()
                .statusCode(409);
    }

    @Test
    void aDraftCycleIsCancelledAndATransitionNeverReachesCancelled() {
        Evaluations.Cycle cycle = new Evaluations.Cycle(2074);
        as(MINISTRY).header("If-Match", cycle.etag).body("{\"state\":\"CANCELLED\"}").post(cycle.path("/transitions")).then()
                .statusCode(409).body("detail", containsString("cancellation"));
        as(MINISTRY).header("If-Match", cycle.etag).body("{\"reason\":\"Not needed\"}").post(cycle.path("/cancellation"))
                .then().statusCode(200).body("state", equalTo("CANCELLED"));
    }
}
