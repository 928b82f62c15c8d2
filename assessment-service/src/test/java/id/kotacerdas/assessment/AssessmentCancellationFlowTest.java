package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.ASSESSOR_A;
import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.OFFICER_METRO;
import static id.kotacerdas.assessment.Api.OFFICER_TABANAN;
import static id.kotacerdas.assessment.Api.TOPIC;
import static id.kotacerdas.assessment.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stuck assessment cycle, or one region's invitation, is cancelled with a reason (issue 18 item 3). Programme years
 * 2095–2098 are this test's own.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class AssessmentCancellationFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REASON = "{\"reason\":\"Opened with the wrong framework version\"}";

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    static JsonNode data(KafkaEvents events, String key, String type, String cycleId) throws Exception {
        return JSON.readTree(events.awaitRecord(r -> key.equals(r.key())
                && ("id.kotacerdas.assessment." + type + ".v1").equals(KafkaEvents.header(r, "ce_type"))
                && r.value().contains(cycleId), Duration.ofSeconds(15)).value());
    }

    @Test
    void aStuckCycleIsCancelledUnderIfMatchWithAReasonAuditedAndPublishedAndThenAllowsNothing() throws Exception {
        Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2094, 2095, Flow.FUTURE, 2, 1, null)).invite("18.72")
                .move("SELF_ASSESSMENT");
        String path = cycle.path("/cancellation");
        long writes = Api.writes();
        as(MINISTRY).body(REASON).post(path).then().statusCode(428);
        as(MINISTRY).header("If-Match", "\"99\"").body(REASON).post(path).then().statusCode(412);
        as(MINISTRY).header("If-Match", cycle.etag).body("{}").post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(MINISTRY).header("If-Match", cycle.etag).body("{\"reason\":\"  \"}").post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(MINISTRY).header("If-Match", cycle.etag).body("{\"reason\":\"" + "x".repeat(2001) + "\"}").post(path).then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        as(AUDITOR).header("If-Match", cycle.etag).body(REASON).post(path).then().statusCode(403);
        as(ASSESSOR_A).header("If-Match", cycle.etag).body(REASON).post(path).then().statusCode(403);
        as(OFFICER_METRO).header("If-Match", cycle.etag).body(REASON).post(path).then().statusCode(403);
        assertThat(Api.writes()).isEqualTo(writes);
        as(MINISTRY).get(cycle.path("")).then().statusCode(200).body("state", equalTo("SELF_ASSESSMENT"))
                .body("cancellation", nullValue());

        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            String etag = as(MINISTRY).header("If-Match", cycle.etag).body(REASON).post(path).then()
                    .log().ifValidationFails().statusCode(200).body("state", equalTo("CANCELLED"))
                    .body("nextState", nullValue())
                    .body("cancellation.reason", equalTo("Opened with the wrong framework version"))
                    .body("cancellation.by", equalTo("ministry")).extract().header("ETag");
            assertThat(etag).isNotEqualTo(cycle.etag);
            cycle.etag = etag;
            JsonNode data = data(events, cycle.id, "AssessmentCycleCancelled", cycle.id);
            assertThat(data.get("cycleId").asText()).isEqualTo(cycle.id);
            assertThat(data.get("state").asText()).isEqualTo("SELF_ASSESSMENT");
            assertThat(data.get("programmeYear").asInt()).isEqualTo(2095);
            assertThat(data.get("assessmentYear").asInt()).isEqualTo(2094);
            assertThat(data.get("tracks").toString()).isEqualTo("[\"KAB_KOTA\",\"PROVINCE\"]");
            assertThat(data.get("cancellation").get("reason").asText()).isEqualTo("Opened with the wrong framework version");
            assertThat(data.get("cancellation").get("by").asText()).isEqualTo("ministry");
            assertThat(data.get("cancellation").get("at").asText()).isNotBlank();
        }
        assertThat(Api.count("SELECT count(*) FROM audit_entry WHERE action = 'CYCLE_CANCELLED' AND resource_id = '"
                + cycle.id + "'")).isEqualTo(1);
        as(AUDITOR).get(cycle.path("")).then().statusCode(200).body("state", equalTo("CANCELLED"))
                .body("cancellation.reason", equalTo("Opened with the wrong framework version"));
        as(MINISTRY).get("/api/v1/assessment-cycles?programmeYear=2095&state=CANCELLED").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(cycle.id));
        as(OFFICER_METRO).get("/api/v1/assessment-cycles?programmeYear=2095&state=CANCELLED").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(cycle.id));

        // nothing happens in a cancelled cycle any more
        long after = Api.writes();
        as(MINISTRY).header("If-Match", cycle.etag).body(REASON).post(path).then().statusCode(409)
                .body("detail", containsString("CANCELLED"));
        as(MINISTRY).header("If-Match", cycle.etag).body("{\"state\":\"INTERVIEWS\"}").post(cycle.path("/transitions"))
                .then().statusCode(409).body("detail", containsString("CANCELLED"));
        as(MINISTRY).body("{\"regionCodes\":[\"51.02\"]}").post(cycle.path("/invitations")).then().statusCode(409)
                .body("detail", containsString("CANCELLED"));
        String selfEtag = cycle.etag(OFFICER_METRO, "/self-assessments/18.72");
        as(OFFICER_METRO).header("If-Match", selfEtag).body("{\"answers\":[{\"indicatorCode\":\"K1.1\",\"value\":4}]}")
                .put(cycle.path("/self-assessments/18.72")).then().statusCode(409).body("detail", containsString("CANCELLED"));
        as(OFFICER_METRO).header("If-Match", selfEtag).post(cycle.path("/self-assessments/18.72/submission")).then()
                .statusCode(409);
        String invitationEtag = cycle.etag(MINISTRY, "/invitations/18.72");
        as(OFFICER_METRO).header("If-Match", invitationEtag).body("{\"reason\":\"Term ends\"}")
                .post(cycle.path("/invitations/18.72/declining")).then().statusCode(409);
        as(MINISTRY).header("If-Match", invitationEtag).body(REASON).post(cycle.path("/invitations/18.72/cancellation"))
                .then().statusCode(409).body("detail", containsString("CANCELLED"));
        cycle.score(ASSESSOR_A, "18.72", 4, 4, 4, 4, 4).then().statusCode(409);
        as(MINISTRY).get(cycle.path("/ranking")).then().statusCode(409);
        assertThat(Api.writes()).isEqualTo(after);
    }

    @Test
    void aTransitionNeverReachesCancelledAndAConfirmedSelectionIsNotCancelled() throws Exception {
        io.restassured.response.Response draft = as(MINISTRY).body(Flow.plan(2095, 2096, Flow.FUTURE, 1, 0, null))
                .post("/api/v1/assessment-cycles");
        draft.then().statusCode(201);
        String id = draft.jsonPath().getString("id");
        String etag = draft.header("ETag");
        as(MINISTRY).header("If-Match", etag).body("{\"state\":\"CANCELLED\"}")
                .post("/api/v1/assessment-cycles/{id}/transitions", id).then().statusCode(409)
                .body("detail", containsString("cancellation"));
        // a draft may be cancelled: never opened, it was never announced (no event) and stays hidden as drafts are
        {
            as(MINISTRY).header("If-Match", etag).body("{\"reason\":\"Planned twice\"}")
                    .post("/api/v1/assessment-cycles/{id}/cancellation", id).then().statusCode(200)
                    .body("state", equalTo("CANCELLED")).body("cancellation.reason", equalTo("Planned twice"));
            assertThat(Api.count("SELECT count(*) FROM audit_entry WHERE action = 'CYCLE_CANCELLED' AND resource_id = '"
                    + id + "'")).isEqualTo(1);
            // the outbox is the only way out to Kafka: no row, no event
            assertThat(Api.count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + id + "'")).isZero();
        }
        as(AUDITOR).get("/api/v1/assessment-cycles/{id}", id).then().statusCode(200).body("state", equalTo("CANCELLED"));
        as(OFFICER_METRO).get("/api/v1/assessment-cycles/{id}", id).then().statusCode(404);
        as(OFFICER_METRO).get("/api/v1/assessment-cycles?programmeYear=2096").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(id)));
        as(MINISTRY).get("/api/v1/assessment-cycles?programmeYear=2096").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(id));

        // SELECTED and CLOSED are final for a cancellation (the state set directly: a confirmed selection is long to reach)
        for (String state : List.of("SELECTED", "CLOSED")) {
            Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2095, 2096, Flow.FUTURE, 1, 0, null));
            Api.execute("UPDATE assessment_cycle SET state = '" + state + "' WHERE id = '" + cycle.id + "'");
            long writes = Api.writes();
            as(MINISTRY).header("If-Match", cycle.etag).body(REASON).post(cycle.path("/cancellation")).then()
                    .statusCode(409).body("detail", containsString("state " + state));
            assertThat(Api.writes()).isEqualTo(writes);
            as(MINISTRY).get(cycle.path("")).then().statusCode(200).body("state", equalTo(state))
                    .body("cancellation", nullValue());
        }
    }

    @Test
    void anInvitationIsCancelledAndTheRegionTakesNoFurtherPartInTheCycle() throws Exception {
        Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2096, 2097, Flow.FUTURE, 2, 0, null)).invite("18.72", "51.02")
                .move("SELF_ASSESSMENT");
        String path = cycle.path("/invitations/51.02/cancellation");
        String etag = cycle.etag(MINISTRY, "/invitations/51.02");
        String reason = "{\"reason\":\"Invited by mistake: the region is in an earlier cohort\"}";
        long writes = Api.writes();
        as(MINISTRY).body(reason).post(path).then().statusCode(428);
        as(MINISTRY).header("If-Match", "\"99\"").body(reason).post(path).then().statusCode(412);
        as(MINISTRY).header("If-Match", etag).body("{}").post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        as(OFFICER_TABANAN).header("If-Match", etag).body(reason).post(path).then().statusCode(403);
        as(AUDITOR).header("If-Match", etag).body(reason).post(path).then().statusCode(403);
        as(MINISTRY).header("If-Match", etag).body(reason).post(cycle.path("/invitations/35.15/cancellation")).then()
                .statusCode(404);
        assertThat(Api.writes()).isEqualTo(writes);

        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            as(MINISTRY).header("If-Match", etag).body(reason).post(path).then().log().ifValidationFails()
                    .statusCode(200).body("status", equalTo("CANCELLED")).body("regionCode", equalTo("51.02"))
                    .body("cancellation.reason", equalTo("Invited by mistake: the region is in an earlier cohort"))
                    .body("cancellation.by", equalTo("ministry"));
            JsonNode data = data(events, "51.02", "InvitationCancelled", cycle.id);
            assertThat(data.get("cycleId").asText()).isEqualTo(cycle.id);
            assertThat(data.get("regionCode").asText()).isEqualTo("51.02");
            assertThat(data.get("invitationId").asText()).hasSize(36);
            assertThat(data.get("programmeYear").asInt()).isEqualTo(2097);
            assertThat(data.get("track").asText()).isEqualTo("KAB_KOTA");
            assertThat(data.get("cycleState").asText()).isEqualTo("SELF_ASSESSMENT");
            assertThat(data.get("cancellation").get("reason").asText())
                    .isEqualTo("Invited by mistake: the region is in an earlier cohort");
        }
        assertThat(Api.count("SELECT count(*) FROM audit_entry WHERE action = 'INVITATION_CANCELLED' AND resource_id = '"
                + cycle.id + "/51.02'")).isEqualTo(1);
        as(AUDITOR).get(cycle.path("/audit-entries")).then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItem("INVITATION_CANCELLED"));

        // reads: the invitation stays readable, under its own status; the counts of invited regions leave it
        as(OFFICER_TABANAN).get(cycle.path("/invitations/51.02")).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancellation.reason", containsString("by mistake"));
        as(MINISTRY).get(cycle.path("/invitations?status=INVITED")).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].regionCode", equalTo("18.72"));
        as(MINISTRY).get(cycle.path("/invitations?status=CANCELLED")).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].regionCode", equalTo("51.02"));

        // the region no longer fills in, submits, declines or is cancelled again
        long after = Api.writes();
        String selfEtag = cycle.etag(OFFICER_TABANAN, "/self-assessments/51.02");
        as(OFFICER_TABANAN).header("If-Match", selfEtag).body("{\"answers\":[{\"indicatorCode\":\"K1.1\",\"value\":4}]}")
                .put(cycle.path("/self-assessments/51.02")).then().statusCode(409)
                .body("detail", containsString("CANCELLED"));
        as(OFFICER_TABANAN).header("If-Match", selfEtag).post(cycle.path("/self-assessments/51.02/submission")).then()
                .statusCode(409).body("detail", containsString("CANCELLED"));
        String cancelledEtag = cycle.etag(MINISTRY, "/invitations/51.02");
        as(OFFICER_TABANAN).header("If-Match", cancelledEtag).body("{\"reason\":\"Term ends\"}")
                .post(cycle.path("/invitations/51.02/declining")).then().statusCode(409)
                .body("detail", containsString("CANCELLED"));
        as(MINISTRY).header("If-Match", cancelledEtag).body(reason).post(path).then().statusCode(409)
                .body("detail", containsString("CANCELLED"));
        assertThat(Api.writes()).isEqualTo(after);

        // the other region goes on; the cancelled one is neither scored nor ranked nor proposed
        cycle.submit(OFFICER_METRO, "18.72").move("INTERVIEWS");
        cycle.score(ASSESSOR_A, "51.02", 4, 4, 4, 4, 4).then().statusCode(409).body("detail", containsString("CANCELLED"));
        cycle.score(ASSESSOR_A, "18.72", 4, 4, 4, 4, 4).then().statusCode(201);
        cycle.move("SCORING");
        as(MINISTRY).get(cycle.path("/ranking")).then().statusCode(200)
                .body("kabKota.regionCode", equalTo(List.of("18.72"))).body("unscored", equalTo(List.of()));
        as(MINISTRY).get(cycle.path("/selection/proposal")).then().statusCode(200)
                .body("decisions.regionCode", equalTo(List.of("18.72")));
        // once the cycle is cancelled, no invitation of it can be cancelled any more
        as(MINISTRY).header("If-Match", cycle.etag).body(REASON).post(cycle.path("/cancellation")).then().statusCode(200);
        String metroEtag = cycle.etag(MINISTRY, "/invitations/18.72");
        as(MINISTRY).header("If-Match", metroEtag).body(reason).post(cycle.path("/invitations/18.72/cancellation"))
                .then().statusCode(409).body("detail", containsString("state CANCELLED"));
    }

    @Test
    void aDeclinedInvitationIsNotCancelled() throws Exception {
        Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2097, 2098, Flow.FUTURE, 1, 0, null)).invite("18.72");
        String etag = cycle.etag(OFFICER_METRO, "/invitations/18.72");
        etag = as(OFFICER_METRO).header("If-Match", etag).body("{\"reason\":\"The regional head's term ends\"}")
                .post(cycle.path("/invitations/18.72/declining")).then().statusCode(200).extract().header("ETag");
        long writes = Api.writes();
        as(MINISTRY).header("If-Match", etag).body(REASON).post(cycle.path("/invitations/18.72/cancellation")).then()
                .statusCode(409).body("detail", containsString("DECLINED"));
        assertThat(Api.writes()).isEqualTo(writes);
    }
}
