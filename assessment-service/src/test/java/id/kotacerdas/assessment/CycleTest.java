package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.OFFICER_METRO;
import static id.kotacerdas.assessment.Api.TOPIC;
import static id.kotacerdas.assessment.Api.as;
import static id.kotacerdas.assessment.Api.count;
import static id.kotacerdas.assessment.Api.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class CycleTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A plan on the shipped 2023 criteria; the deadline is given (future for live cycles, past for late ones). */
    static String plan(String name, String deadline) {
        return """
                {"name":"%s","assessmentYear":2022,"programmeYear":2023,"framework":{"code":"kominfo-readiness","version":2},
                 "schedule":{"invitationDate":"2022-01-10","selfAssessmentDeadline":"%s",
                             "interviewDays":["2099-12-30"],"presentationDays":["2099-12-31"]},
                 "quotas":{"kabKotaSeats":2,"provinceSeats":1,"maxPerProvince":1}}""".formatted(name, deadline);
    }

    static final String FUTURE = "2099-12-29T23:59:59+07:00";

    /** Creates a DRAFT cycle; returns its id and ETag. */
    static String[] createCycle(String deadline) {
        Response r = as(MINISTRY).body(plan("Asesmen " + UUID.randomUUID(), deadline)).post("/api/v1/assessment-cycles");
        // the plan sends the schedule's old name `invitationDate` (still accepted); the response says invitedOn only
        r.then().statusCode(201).body("schedule.invitedOn", equalTo("2022-01-10"))
                .body("schedule.invitationDate", org.hamcrest.Matchers.nullValue());
        return new String[] { r.jsonPath().getString("id"), r.header("ETag") };
    }

    /** Moves a cycle one step; returns the new ETag. */
    static String move(String id, String etag, String state) {
        return as(MINISTRY).header("If-Match", etag).body("{\"state\":\"" + state + "\"}")
                .post("/api/v1/assessment-cycles/{id}/transitions", id).then().log().ifValidationFails().statusCode(200)
                .body("state", equalTo(state)).extract().header("ETag");
    }

    @Test
    void aCycleIsPlannedAsDraftAndOpeningItPublishesAssessmentCycleOpened() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = plan("Asesmen 2022", FUTURE);
        Response first = as(MINISTRY).header("Idempotency-Key", key).body(body).post("/api/v1/assessment-cycles");
        first.then().statusCode(201).body("state", equalTo("DRAFT")).body("nextState", equalTo("INVITING"))
                .body("framework.code", equalTo("kominfo-readiness"));
        String id = first.jsonPath().getString("id");
        long before = count("assessment_cycle");
        as(MINISTRY).header("Idempotency-Key", key).body(body).post("/api/v1/assessment-cycles").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertThat(count("assessment_cycle")).isEqualTo(before);

        as(OFFICER_METRO).get("/api/v1/assessment-cycles/{id}", id).then().statusCode(404);
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            move(id, first.header("ETag"), "INVITING");
            ConsumerRecord<String, String> event = events.awaitRecord(r -> id.equals(r.key()), Duration.ofSeconds(15));
            assertThat(KafkaEvents.header(event, "ce_type")).isEqualTo("id.kotacerdas.assessment.AssessmentCycleOpened.v1");
            assertThat(KafkaEvents.header(event, "ce_source")).isEqualTo("/kotacerdas/assessment-service");
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("cycleId").asText()).isEqualTo(id);
            assertThat(data.get("programmeYear").asInt()).isEqualTo(2023);
            assertThat(data.get("framework").get("version").asInt()).isEqualTo(2);
            assertThat(data.at("/schedule/invitedOn").asText()).isEqualTo("2022-01-10");
            assertThat(data.at("/schedule/invitationDate").asText()).as("deprecated, kept in v1").isEqualTo("2022-01-10");
            assertThat(data.get("quotas").get("kabKotaSeats").asInt()).isEqualTo(2);
            assertThat(data.get("openedBy").get("username").asText()).isEqualTo("ministry");
        }
        as(OFFICER_METRO).get("/api/v1/assessment-cycles/{id}", id).then().statusCode(200).body("state", equalTo("INVITING"));
        as(AUDITOR).get("/api/v1/assessment-cycles/{id}/audit-entries", id).then().statusCode(200)
                .body("items.action", hasItems("CYCLE_CREATED", "CYCLE_STATE_CHANGED"))
                .body("items[0].after.state", equalTo("INVITING"));
    }

    @Test
    void illegalTransitionsAre409NamingTheCurrentStateAndChangeNothing() throws Exception {
        String[] cycle = createCycle(FUTURE);
        long before = writes();
        as(MINISTRY).header("If-Match", cycle[1]).body("{\"state\":\"SCORING\"}")
                .post("/api/v1/assessment-cycles/{id}/transitions", cycle[0]).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("state DRAFT"));
        as(MINISTRY).header("If-Match", cycle[1]).body("{\"state\":\"DRAFT\"}")
                .post("/api/v1/assessment-cycles/{id}/transitions", cycle[0]).then().statusCode(409);
        as(MINISTRY).body("{\"state\":\"INVITING\"}")
                .post("/api/v1/assessment-cycles/{id}/transitions", cycle[0]).then().statusCode(428);
        as(MINISTRY).header("If-Match", "\"99\"").body("{\"state\":\"INVITING\"}")
                .post("/api/v1/assessment-cycles/{id}/transitions", cycle[0]).then().statusCode(412);
        as(MINISTRY).header("If-Match", cycle[1]).body("{\"state\":\"FINISHED\"}")
                .post("/api/v1/assessment-cycles/{id}/transitions", cycle[0]).then().statusCode(400)
                .body("violations.field", hasItem("state"));
        assertThat(writes()).isEqualTo(before);

        String etag = move(cycle[0], cycle[1], "INVITING");
        as(MINISTRY).header("If-Match", etag).body("{\"state\":\"SELF_ASSESSMENT\"}")
                .post("/api/v1/assessment-cycles/{id}/transitions", cycle[0]).then().statusCode(409)
                .body("detail", containsString("state INVITING with no invited region"));
        as(AUDITOR).get("/api/v1/assessment-cycles/{id}", cycle[0]).then().body("state", equalTo("INVITING"));
    }

    @Test
    void badPlansAreProblemsNamingTheFieldAndCreateNothing() throws Exception {
        long cycles = count("assessment_cycle");
        long before = writes();
        as(MINISTRY).body(plan("x", FUTURE).replace("\"version\":2", "\"version\":9")).post("/api/v1/assessment-cycles")
                .then().statusCode(422).body("violations.field", hasItem("framework"));
        as(MINISTRY).body(plan("x", FUTURE).replace("\"programmeYear\":2023", "\"programmeYear\":2025"))
                .post("/api/v1/assessment-cycles").then().statusCode(422).body("violations.field", hasItem("programmeYear"));
        as(MINISTRY).body(plan("x", "2021-12-31T23:59:59+07:00")).post("/api/v1/assessment-cycles").then().statusCode(422)
                .body("violations.field", hasItem("schedule.selfAssessmentDeadline"));
        as(MINISTRY).body(plan("", FUTURE).replace("\"kabKotaSeats\":2", "\"kabKotaSeats\":-1"))
                .post("/api/v1/assessment-cycles").then().statusCode(400)
                .body("violations.field", hasItems("name", "quotas.kabKotaSeats"));
        as(MINISTRY).body(plan("x", "next tuesday")).post("/api/v1/assessment-cycles").then().statusCode(400)
                .body("violations.field", hasItem("schedule.selfAssessmentDeadline"));
        as(OFFICER_METRO).body(plan("x", FUTURE)).post("/api/v1/assessment-cycles").then().statusCode(403);
        assertThat(count("assessment_cycle")).isEqualTo(cycles);
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void thePlanChangesWithIfMatchUntilInvitationsClose() {
        String[] cycle = createCycle(FUTURE);
        String etag = as(MINISTRY).header("If-Match", cycle[1]).body(plan("Renamed", FUTURE))
                .put("/api/v1/assessment-cycles/{id}", cycle[0]).then().statusCode(200)
                .body("name", equalTo("Renamed")).extract().header("ETag");
        as(MINISTRY).header("If-Match", cycle[1]).body(plan("Stale", FUTURE))
                .put("/api/v1/assessment-cycles/{id}", cycle[0]).then().statusCode(412);
        as(MINISTRY).get("/api/v1/assessment-cycles?assessmentYear=2022&size=100").then().statusCode(200)
                .body("items.id", hasItem(cycle[0]));
        as(OFFICER_METRO).get("/api/v1/assessment-cycles?state=DRAFT").then().statusCode(403);
        etag = move(cycle[0], etag, "INVITING");
        as(MINISTRY).header("If-Match", etag).body(plan("Renamed", FUTURE).replace("\"version\":2", "\"version\":1"))
                .put("/api/v1/assessment-cycles/{id}", cycle[0]).then().statusCode(409)
                .body("detail", containsString("state INVITING"));
    }
}
