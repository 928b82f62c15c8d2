package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.ASSESSOR_A;
import static id.kotacerdas.assessment.Api.ASSESSOR_B;
import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.OFFICER_METRO;
import static id.kotacerdas.assessment.Api.OFFICER_TABANAN;
import static id.kotacerdas.assessment.Api.as;
import static id.kotacerdas.assessment.Api.count;
import static id.kotacerdas.assessment.Api.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every bad input of the cycle's steps is a problem naming the field or the state, and writes nothing. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class AssessmentRulesTest {

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    @Test
    void unknownReplacedOrMalformedRegionsAreNotInvitedAndNothingIsWritten() throws Exception {
        Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2022, 2023, Flow.FUTURE, 2, 1, null));
        long before = writes();
        long invitations = count("invitation");
        as(MINISTRY).body("{\"regionCodes\":[\"18.72\",\"18.99\",\"91.01\"]}").post(cycle.path("/invitations")).then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(java.util.List.of("regionCodes[1]", "regionCodes[2]")))
                .body("violations[0].message", containsString("no region has the code 18.99"))
                .body("violations[1].message", containsString("replaced by 93.01"));
        as(MINISTRY).body("{\"regionCodes\":[\"18-72\"]}").post(cycle.path("/invitations")).then().statusCode(400)
                .body("violations.field", hasItem("regionCodes[0]"));
        as(MINISTRY).body("{\"filter\":{\"provinceCode\":\"99\"}}").post(cycle.path("/invitations")).then().statusCode(422)
                .body("violations.field", hasItem("filter.provinceCode"));
        as(MINISTRY).body("{\"regionCodes\":[\"18.72\"],\"filter\":{\"level\":\"KOTA\"}}").post(cycle.path("/invitations"))
                .then().statusCode(400).body("violations.field", hasItem("body"));
        as(MINISTRY).body("{\"filter\":{\"level\":\"TOWN\"}}").post(cycle.path("/invitations")).then().statusCode(400)
                .body("violations.field", hasItem("filter.level"));
        as(OFFICER_METRO).body("{\"regionCodes\":[\"18.72\"]}").post(cycle.path("/invitations")).then().statusCode(403);
        assertThat(writes()).isEqualTo(before);
        assertThat(count("invitation")).isEqualTo(invitations);

        Flow.Cycle closed = new Flow.Cycle(Flow.plan(2022, 2023, Flow.FUTURE, 2, 1, null)).invite("18.72");
        closed.move("SELF_ASSESSMENT");
        as(MINISTRY).body("{\"regionCodes\":[\"51.02\"]}").post(closed.path("/invitations")).then().statusCode(409)
                .body("detail", containsString("state SELF_ASSESSMENT"));
        as(AUDITOR).get(closed.path("/invitations/51.02")).then().statusCode(404).body("detail", containsString("51.02"));
    }

    @Test
    void anOfficerOfAnotherRegionCanNeitherReadNorWriteAndNothingIsWritten() throws Exception {
        Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2022, 2023, Flow.FUTURE, 2, 1, null)).invite("18.72", "51.02");
        String etag = cycle.etag(OFFICER_METRO, "/self-assessments/18.72");
        long before = writes();
        as(OFFICER_TABANAN).header("If-Match", etag).body("{\"answers\":[{\"indicatorCode\":\"K1.1\",\"value\":5}]}")
                .put(cycle.path("/self-assessments/18.72")).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("(51.02), not 18.72"));
        as(OFFICER_TABANAN).header("If-Match", etag).post(cycle.path("/self-assessments/18.72/submission")).then()
                .statusCode(403);
        as(OFFICER_TABANAN).get(cycle.path("/self-assessments/18.72")).then().statusCode(403);
        as(OFFICER_TABANAN).header("If-Match", cycle.etag(MINISTRY, "/invitations/18.72")).body("{\"reason\":\"x\"}")
                .post(cycle.path("/invitations/18.72/declining")).then().statusCode(403);
        as(MINISTRY).header("If-Match", etag).body("{\"answers\":[]}").put(cycle.path("/self-assessments/18.72")).then()
                .statusCode(403);
        assertThat(writes()).isEqualTo(before);
        as(OFFICER_METRO).get(cycle.path("/self-assessments/18.72")).then().statusCode(200)
                .body("answers", equalTo(java.util.List.of())).header("ETag", equalTo(etag));
    }

    @Test
    void aSelfAssessmentIsSubmittedOnceAndThenReadOnly() throws Exception {
        Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2022, 2023, Flow.FUTURE, 2, 1, null)).invite("18.72");
        String etag = cycle.etag(OFFICER_METRO, "/self-assessments/18.72");
        as(OFFICER_METRO).header("If-Match", etag).body("""
                {"answers":[{"indicatorCode":"K9.9","value":3},{"indicatorCode":"K1.1","value":7},
                            {"indicatorCode":"K2.1","value":2,"evidenceLinks":["ftp://x"]}]}""")
                .put(cycle.path("/self-assessments/18.72")).then().statusCode(400)
                .body("violations.field", hasItem("answers[2].evidenceLinks[0]"));
        as(OFFICER_METRO).header("If-Match", etag).body("""
                {"answers":[{"indicatorCode":"K9.9","value":3},{"indicatorCode":"K1.1","value":7}]}""")
                .put(cycle.path("/self-assessments/18.72")).then().statusCode(422)
                .body("violations.field", hasItems("answers[0].indicatorCode", "answers[1].value"))
                .body("violations[1].message", containsString("[1, 2, 3, 4, 5]"));
        as(OFFICER_METRO).body("{\"answers\":[]}").put(cycle.path("/self-assessments/18.72")).then().statusCode(428);

        cycle.submit(OFFICER_METRO, "18.72");
        String submitted = cycle.etag(OFFICER_METRO, "/self-assessments/18.72");
        long before = writes();
        as(OFFICER_METRO).header("If-Match", submitted).post(cycle.path("/self-assessments/18.72/submission")).then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("SUBMITTED"));
        as(OFFICER_METRO).header("If-Match", submitted).body("{\"answers\":[]}").put(cycle.path("/self-assessments/18.72"))
                .then().statusCode(409).body("detail", containsString("read-only"));
        as(OFFICER_METRO).header("If-Match", cycle.etag(OFFICER_METRO, "/invitations/18.72")).body("{\"reason\":\"late\"}")
                .post(cycle.path("/invitations/18.72/declining")).then().statusCode(409)
                .body("detail", containsString("SUBMITTED"));
        assertThat(writes()).isEqualTo(before);
    }

    @Test
    void afterTheDeadlineNothingIsSavedOrSubmitted() throws Exception {
        Flow.Cycle late = new Flow.Cycle(Flow.plan(2022, 2023, Flow.PAST, 2, 1, null)).invite("18.72");
        String etag = late.etag(OFFICER_METRO, "/self-assessments/18.72");
        long before = writes();
        as(OFFICER_METRO).header("If-Match", etag).post(late.path("/self-assessments/18.72/submission")).then()
                .statusCode(422).body("violations.field", equalTo(java.util.List.of("selfAssessmentDeadline")))
                .body("detail", containsString("2022-02-15T16:59:59Z has passed"));
        as(OFFICER_METRO).header("If-Match", etag).body("{\"answers\":[{\"indicatorCode\":\"K1.1\",\"value\":4}]}")
                .put(late.path("/self-assessments/18.72")).then().statusCode(422)
                .body("violations.field", hasItem("selfAssessmentDeadline"));
        assertThat(writes()).isEqualTo(before);
        as(AUDITOR).get(late.path("/self-assessments/18.72")).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void scoresOutsideTheScaleOrOfUnsubmittedRegionsAreRefusedAndNothingIsWritten() throws Exception {
        Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2022, 2023, Flow.FUTURE, 1, 0, null)).invite("18.72", "18.71");
        cycle.move("SELF_ASSESSMENT").submit(OFFICER_METRO, "18.72");
        cycle.score(ASSESSOR_A, "18.72", 4, 4, 4, 4, 4).then().statusCode(409).body("detail", containsString("state SELF_ASSESSMENT"));
        cycle.move("INTERVIEWS");
        long before = writes();
        long sheets = count("scoresheet");
        as(ASSESSOR_A).body(Flow.sheet("18.72", 7, 4, 4, 4, 0)).post(cycle.path("/scoresheets")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", equalTo(java.util.List.of("scores[0].value", "scores[4].value")))
                .body("violations[0].message", containsString("indicator K1.1 is scored on scale readiness from 1 to 5; 7 is outside it"));
        as(ASSESSOR_A).body("{\"regionCode\":\"18.72\",\"scores\":[{\"indicatorCode\":\"K1.1\",\"value\":4}]}")
                .post(cycle.path("/scoresheets")).then().statusCode(422)
                .body("violations.message", hasItem(containsString("missing: K2.1, K3.1, K4.1, K5.1")));
        as(ASSESSOR_A).body(Flow.sheet("18.72", "\"four\"", 4, 4, 4, 4)).post(cycle.path("/scoresheets")).then()
                .statusCode(400).body("violations.field", hasItem("scores[0].value"));
        cycle.score(ASSESSOR_A, "18.71", 4, 4, 4, 4, 4).then().statusCode(409).body("detail", containsString("has not submitted"));
        cycle.score(ASSESSOR_A, "51.02", 4, 4, 4, 4, 4).then().statusCode(404).body("detail", containsString("51.02 is not invited"));
        cycle.score(OFFICER_METRO, "18.72", 5, 5, 5, 5, 5).then().statusCode(403);
        assertThat(writes()).isEqualTo(before);
        assertThat(count("scoresheet")).isEqualTo(sheets);

        String sheet = cycle.score(ASSESSOR_A, "18.72", 4, 4, 4, 4, 4).then().statusCode(201).extract().header("Location");
        cycle.score(ASSESSOR_A, "18.72", 3, 3, 3, 3, 3).then().statusCode(409).body("detail", containsString("already scored"));
        String etag = as(ASSESSOR_A).get(sheet).then().statusCode(200).extract().header("ETag");
        as(ASSESSOR_B).header("If-Match", etag).body(Flow.sheet("18.72", 1, 1, 1, 1, 1)).put(sheet).then().statusCode(403);
        as(ASSESSOR_A).header("If-Match", etag).body(Flow.sheet("18.72", 5, 4, 4, 4, 4)).put(sheet).then().statusCode(200)
                .body("regionScore", equalTo(80.0f));
        as(ASSESSOR_A).header("If-Match", etag).body(Flow.sheet("18.72", 1, 4, 4, 4, 4)).put(sheet).then().statusCode(412);
        as(AUDITOR).get(cycle.path("/audit-entries")).then().statusCode(200)
                .body("items.action", hasItems("SCORESHEET_REVISED", "SCORESHEET_CREATED", "SELF_ASSESSMENT_SUBMITTED",
                        "REGION_INVITED", "CYCLE_STATE_CHANGED", "CYCLE_CREATED"));
    }

    @Test
    void theSelectionKeepsToTheQuotasAndNeedsAReasonForEachAdjustment() throws Exception {
        Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2022, 2023, Flow.FUTURE, 1, 0, null)).invite("18.72", "51.02");
        cycle.move("SELF_ASSESSMENT").submit(OFFICER_METRO, "18.72").submit(OFFICER_TABANAN, "51.02").move("INTERVIEWS");
        cycle.score(ASSESSOR_A, "18.72", 5, 5, 5, 5, 5).then().statusCode(201);
        cycle.score(ASSESSOR_A, "51.02", 3, 3, 3, 3, 3).then().statusCode(201);
        as(MINISTRY).header("If-Match", cycle.etag).body("{}").post(cycle.path("/selection")).then().statusCode(409)
                .body("detail", containsString("state INTERVIEWS"));
        cycle.move("SCORING");
        long before = writes();
        as(MINISTRY).header("If-Match", cycle.etag).body("{\"adjustments\":[{\"regionCode\":\"51.02\",\"selected\":true}]}")
                .post(cycle.path("/selection")).then().statusCode(400).body("violations.field", hasItem("adjustments[0].reason"));
        as(MINISTRY).header("If-Match", cycle.etag)
                .body("{\"adjustments\":[{\"regionCode\":\"51.02\",\"selected\":true,\"reason\":\"balance\"}]}")
                .post(cycle.path("/selection")).then().statusCode(422).body("violations.field", hasItem("adjustments"))
                .body("detail", containsString("1 seat(s)"));
        as(MINISTRY).body("{}").post(cycle.path("/selection")).then().statusCode(428);
        as(ASSESSOR_A).header("If-Match", cycle.etag).body("{}").post(cycle.path("/selection")).then().statusCode(403);
        assertThat(writes()).isEqualTo(before);
        as(MINISTRY).get(cycle.path("/selection")).then().statusCode(404);

        as(MINISTRY).header("If-Match", cycle.etag).body("""
                {"adjustments":[{"regionCode":"51.02","selected":true,"reason":"Regional balance"},
                                {"regionCode":"18.72","selected":false,"reason":"Withdrew after the interview"}]}""")
                .post(cycle.path("/selection")).then().statusCode(201)
                .body("entries.find { it.regionCode == '51.02' }.outcome", equalTo("SELECTED_BY_ADJUSTMENT"))
                .body("entries.find { it.regionCode == '51.02' }.reason", containsString("Regional balance"))
                .body("entries.find { it.regionCode == '18.72' }.outcome", equalTo("REMOVED_BY_ADJUSTMENT"));
        as(MINISTRY).header("If-Match", cycle.etag(MINISTRY, "")).body("{}").post(cycle.path("/selection")).then()
                .statusCode(409).body("detail", containsString("state SELECTED"));
    }
}
