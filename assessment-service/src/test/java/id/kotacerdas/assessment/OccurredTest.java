package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.ASSESSOR_A;
import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
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
import io.restassured.response.Response;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: every act on the date it happened. A cycle of 2022 recorded after the fact keeps each act's own date in
 * the reads and the events; a date in the future, before 2017 or before the act it depends on is a 400 naming the
 * field, and changes nothing.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class OccurredTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    static String occurred(String date) {
        return "\"occurred\":{\"date\":\"" + date + "\"}";
    }

    static JsonNode event(KafkaEvents events, String key, String type, String cycleId) throws Exception {
        return JSON.readTree(events.awaitRecord(r -> AssessmentFlowTest.is(r, key, type, cycleId), Duration.ofSeconds(15))
                .value());
    }

    static void day(JsonNode data, String date) {
        assertThat(data.get("occurred").get("date").asText()).isEqualTo(date);
        assertThat(data.get("occurred").get("precision").asText()).isEqualTo("DAY");
    }

    /** A cycle's act: live, whenever it is recorded (issue 18 item 2), and dated. */
    static void liveDay(JsonNode data, String date) {
        day(data, date);
        assertThat(data.get("origin").asText()).isEqualTo("LIVE");
        assertThat(data.has("recordId")).isFalse();
    }

    static void refused(Response response, String field, String message) {
        response.then().log().ifValidationFails().statusCode(400)
                .body("violations[0].field", equalTo(field)).body("detail", containsString(message));
    }

    @Test
    void aCycleOf2022RecordedAfterTheFactKeepsEachActsOwnDate() throws Exception {
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            // the 2022 schedule: self-assessments until 15 Feb 2022, long past on the recording day
            Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2022, 2023, Flow.PAST, 1, 0, null));
            long writes = Api.writes();
            refused(as(MINISTRY).body("{\"regionCodes\":[\"51.02\"]," + occurred("2099-01-10") + "}")
                    .post(cycle.path("/invitations")), "occurred", "in the future");
            refused(as(MINISTRY).body("{\"regionCodes\":[\"51.02\"]," + occurred("2016-12-31") + "}")
                    .post(cycle.path("/invitations")), "occurred", "before the programme began");
            refused(as(MINISTRY).body("{\"regionCodes\":[\"51.02\"],\"occurred\":{\"date\":\"2022-01\",\"precision\":\"DAY\"}}")
                    .post(cycle.path("/invitations")), "occurred.precision", "MONTH");
            refused(as(MINISTRY).body("{\"regionCodes\":[\"51.02\"],\"occurred\":{\"date\":\"2022-02-30\"}}")
                    .post(cycle.path("/invitations")), "occurred.date", "not a calendar date");
            assertThat(Api.writes()).isEqualTo(writes);

            // invited on 10 Jan 2022; an invitation without a date happened now, and its event has no occurred
            as(MINISTRY).body("{\"regionCodes\":[\"51.02\"]," + occurred("2022-01-10") + "}")
                    .post(cycle.path("/invitations")).then().log().ifValidationFails().statusCode(201)
                    .body("invited[0].occurred.date", equalTo("2022-01-10"))
                    .body("invited[0].occurred.precision", equalTo("DAY"));
            cycle.invite("51.71");
            as(AUDITOR).get(cycle.path("/invitations/51.02")).then().statusCode(200)
                    .body("occurred.date", equalTo("2022-01-10")).body("invitedAt", org.hamcrest.Matchers.notNullValue())
                    .body("origin", equalTo("LIVE"));
            as(AUDITOR).get(cycle.path("/invitations/51.71")).then().statusCode(200).body("occurred", nullValue());
            liveDay(event(events, "51.02", "RegionInvited", cycle.id), "2022-01-10");
            assertThat(event(events, "51.71", "RegionInvited", cycle.id).has("occurred")).isFalse();

            // submitted on 10 Feb 2022: within the 2022 schedule, so in time although recorded years later
            String submission = cycle.path("/self-assessments/51.02/submission");
            String tag = cycle.etag(OFFICER_TABANAN, "/self-assessments/51.02");
            writes = Api.writes();
            refused(as(OFFICER_TABANAN).header("If-Match", tag).body("{" + occurred("2022-01-05") + "}").post(submission),
                    "occurred", "lies before the invitation (2022-01-10)");
            as(OFFICER_TABANAN).header("If-Match", tag).body("{" + occurred("2022-02-20") + "}").post(submission).then()
                    .statusCode(422).body("violations[0].field", equalTo("selfAssessmentDeadline"))
                    .body("detail", containsString("had passed on 2022-02-20"));
            // without a date the submission happens now: after the deadline
            as(OFFICER_TABANAN).header("If-Match", tag).post(submission).then().statusCode(422)
                    .body("violations[0].field", equalTo("selfAssessmentDeadline"));
            assertThat(Api.writes()).isEqualTo(writes);
            as(OFFICER_TABANAN).header("If-Match", tag).body("{" + occurred("2022-02-10") + "}").post(submission).then()
                    .log().ifValidationFails().statusCode(200).body("status", equalTo("SUBMITTED"))
                    .body("occurred.date", equalTo("2022-02-10")).body("occurred.precision", equalTo("DAY"))
                    .body("submittedAt", org.hamcrest.Matchers.notNullValue()).body("origin", equalTo("LIVE"));
            liveDay(event(events, "51.02", "SelfAssessmentSubmitted", cycle.id), "2022-02-10");

            // scored on 15 Mar 2022, not before the submission
            cycle.move("SELF_ASSESSMENT").move("INTERVIEWS");
            String sheet = Flow.sheet("51.02", 4, 4, 3, 3, 4);
            writes = Api.writes();
            refused(as(ASSESSOR_A).body(sheet.substring(0, sheet.lastIndexOf('}')) + "," + occurred("2022-02-01") + "}")
                    .post(cycle.path("/scoresheets")), "occurred", "lies before the region's self-assessment submission");
            assertThat(Api.writes()).isEqualTo(writes);
            as(ASSESSOR_A).body(sheet.substring(0, sheet.lastIndexOf('}')) + "," + occurred("2022-03-15") + "}")
                    .post(cycle.path("/scoresheets")).then().log().ifValidationFails().statusCode(201)
                    .body("occurred.date", equalTo("2022-03-15")).body("origin", equalTo("LIVE"));
            liveDay(event(events, "51.02", "RegionScored", cycle.id), "2022-03-15");

            // selected on 20 May 2022, not before the last scoring
            cycle.move("SCORING");
            writes = Api.writes();
            refused(as(MINISTRY).header("If-Match", cycle.etag).body("{\"adjustments\":[]," + occurred("2022-03-01") + "}")
                    .post(cycle.path("/selection")), "occurred", "lies before the last scoring (2022-03-15)");
            refused(as(MINISTRY).header("If-Match", cycle.etag).body("{\"adjustments\":[]," + occurred("2099-05-20") + "}")
                    .post(cycle.path("/selection")), "occurred", "in the future");
            assertThat(Api.writes()).isEqualTo(writes);
            Response confirmed = as(MINISTRY).header("If-Match", cycle.etag)
                    .body("{\"adjustments\":[]," + occurred("2022-05-20") + "}").post(cycle.path("/selection"));
            confirmed.then().log().ifValidationFails().statusCode(201).body("occurred.date", equalTo("2022-05-20"))
                    .body("entries.find { it.regionCode == '51.02' }.selected", equalTo(true));
            as(AUDITOR).get(cycle.path("/selection")).then().statusCode(200).body("occurred.date", equalTo("2022-05-20"))
                    .body("occurred.precision", equalTo("DAY")).body("origin", equalTo("LIVE"));
            liveDay(event(events, "51.02", "RegionSelected", cycle.id), "2022-05-20");
            liveDay(event(events, "51.71", "RegionNotSelected", cycle.id), "2022-05-20");

            // the result letter of 2 Jun 2022: not before the (dated) selection, not in the future
            writes = Api.writes();
            refused(as(MINISTRY).body("{\"date\":\"2022-05-01\",\"number\":\"B-348/DJAI/AI.01.02/05/2022\"}")
                    .post(cycle.path("/result-letters")), "issuedOn", "lies before the selection (2022-05-20)");
            refused(as(MINISTRY).body("{\"issuedOn\":\"2099-06-02\"}").post(cycle.path("/result-letters")), "issuedOn",
                    "in the future");
            assertThat(Api.writes()).isEqualTo(writes);
            as(MINISTRY).body("{\"issuedOn\":\"2022-06-02\",\"number\":\"B-348/DJAI/AI.01.02/06/2022\"}")
                    .post(cycle.path("/result-letters")).then().log().ifValidationFails().statusCode(201)
                    .body("issuedOn", equalTo("2022-06-02")).body("origin", equalTo("LIVE"));
            JsonNode letter = JSON.readTree(events.awaitRecord(r -> cycle.id.equals(r.key())
                    && "id.kotacerdas.assessment.ResultLetterIssued.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(15)).value());
            day(letter, "2022-06-02");
        }
    }

    @Test
    void aCohortMemberRecordedAfterTheFactKeepsItsDate() throws Exception {
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            long writes = Api.writes();
            refused(as(MINISTRY).body("{\"regionCode\":\"52.07\",\"source\":\"x\"," + occurred("2099-01") + "}")
                    .post("/api/v1/cohorts/2048/members"), "occurred", "in the future");
            refused(as(MINISTRY).body("{\"regionCode\":\"52.07\",\"source\":\"x\"," + occurred("2016") + "}")
                    .post("/api/v1/cohorts/2048/members"), "occurred", "before the programme began");
            assertThat(Api.writes()).isEqualTo(writes);
            as(MINISTRY).body("{\"regionCode\":\"52.07\",\"source\":\"A report of 2022\"," + occurred("2022-11") + "}")
                    .post("/api/v1/cohorts/2048/members").then().log().ifValidationFails().statusCode(201)
                    .body("occurred.date", equalTo("2022-11")).body("occurred.precision", equalTo("MONTH"));
            as(AUDITOR).get("/api/v1/cohorts?size=100").then().statusCode(200)
                    .body("items.find { it.programmeYear == 2048 }.members.find { it.regionCode == '52.07' }.occurred.date",
                            equalTo("2022-11"));
            JsonNode recorded = JSON.readTree(events.awaitRecord(r -> "2048/KAB_KOTA".equals(r.key()), Duration.ofSeconds(15))
                    .value());
            assertThat(recorded.get("occurred").get("date").asText()).isEqualTo("2022-11");
            assertThat(recorded.get("occurred").get("precision").asText()).isEqualTo("MONTH");
        }
    }

    @Test
    void aRecordedEvaluationIsDatedByItsLetterElseItsOccurredElseItsYear() throws Exception {
        try (KafkaEvents events = KafkaEvents.on(Evaluations.TOPIC)) {
            String noLetter = EvaluationFlowTest.record(2021, "18.71", "3.10", null);
            String body = noLetter.substring(0, noLetter.lastIndexOf('}'));
            long writes = Api.writes();
            refused(as(MINISTRY).body(body + "," + occurred("2099-11") + "}").post("/api/v1/evaluations"), "occurred",
                    "in the future");
            String withLetter = EvaluationFlowTest.record(2021, "18", "3.10", "B-2101/DJAI/AI.01.04/12/2021");
            refused(as(MINISTRY).body(withLetter.substring(0, withLetter.lastIndexOf('}')) + "," + occurred("2021-11") + "}")
                    .post("/api/v1/evaluations"), "occurred", "disagrees with letterDate 2021-12-05");
            assertThat(Api.writes()).isEqualTo(writes);

            // no letter, no occurred: the evaluation's year
            String id = as(MINISTRY).body(noLetter).post("/api/v1/evaluations").then().log().ifValidationFails()
                    .statusCode(201).body("occurred.date", equalTo("2021")).body("occurred.precision", equalTo("YEAR"))
                    .extract().jsonPath().getString("id");
            as(AUDITOR).get("/api/v1/evaluations/" + id).then().statusCode(200).body("occurred.date", equalTo("2021"));
            JsonNode published = JSON.readTree(events.awaitRecord(r -> "18.71".equals(r.key())
                    && r.value().contains(id), Duration.ofSeconds(15)).value());
            assertThat(published.get("occurred").get("date").asText()).isEqualTo("2021");
            assertThat(published.get("occurred").get("precision").asText()).isEqualTo("YEAR");

            // a letter dates it (DAY); an occurred that agrees with it is accepted
            String lampung = as(MINISTRY).body(withLetter.substring(0, withLetter.lastIndexOf('}')) + ","
                    + occurred("2021-12") + "}").post("/api/v1/evaluations").then().log().ifValidationFails()
                    .statusCode(201).body("occurred.date", equalTo("2021-12-05")).body("occurred.precision", equalTo("DAY"))
                    .extract().jsonPath().getString("id");
            JsonNode lampungEvent = JSON.readTree(events.awaitRecord(r -> "18".equals(r.key())
                    && r.value().contains(lampung), Duration.ofSeconds(15)).value());
            day(lampungEvent, "2021-12-05");
        }
    }

    @Test
    void aPublicationDatedInTheFutureOrWithLettersBeforeItIsRefusedAndChangesNothing() throws Exception {
        Evaluations.Cycle cycle = new Evaluations.Cycle(2071).add("51.02");
        cycle.move("SELF_ASSESSMENT").move("INTERVIEWS").move("SCORING");
        long writes = Api.writes();
        refused(as(MINISTRY).header("If-Match", cycle.etag).body("{" + occurred("2099-12-05") + "}")
                .post(cycle.path("/publication")), "occurred", "in the future");
        refused(as(MINISTRY).header("If-Match", cycle.etag).body("{\"letterDate\":\"2022-12-01\"," + occurred("2022-12-05") + "}")
                .post(cycle.path("/publication")), "letterDate", "lies before the publication (2022-12-05)");
        refused(as(MINISTRY).header("If-Match", cycle.etag).body("{\"letterDate\":\"2016-12-01\"}")
                .post(cycle.path("/publication")), "letterDate", "before the programme began");
        assertThat(Api.writes()).isEqualTo(writes);
        as(MINISTRY).get(cycle.path("")).then().body("state", equalTo("SCORING")).body("occurred", nullValue());
    }
}
