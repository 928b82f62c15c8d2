package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every list answers the one envelope {@code {items, page, size, total, totalPages}}, pages with {@code page}/{@code
 * size}, and sorts by {@code sort} where order matters, its default order unchanged. Programme years 2086 and 2087 only (no other test uses them: the lists filter by them).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class ListsTest {

    static final String IMPORTER = Tokens.forUser("history-importer", "importer");

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    @Test
    void cyclesAreNewestAssessmentYearFirstUnlessSortedAndComeAPageAtATime() {
        String older = as(MINISTRY).body(Flow.plan(2085, 2086, Flow.FUTURE, 1, 0, null)).post("/api/v1/assessment-cycles")
                .then().statusCode(201).extract().path("id");
        String newer = as(MINISTRY).body(Flow.plan(2086, 2086, Flow.FUTURE, 1, 0, null)).post("/api/v1/assessment-cycles")
                .then().statusCode(201).extract().path("id");
        String path = "/api/v1/assessment-cycles?programmeYear=2086";
        as(AUDITOR).get(path).then().statusCode(200).body("items.id", equalTo(List.of(newer, older)))
                .body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(2)).body("totalPages", equalTo(1));
        as(AUDITOR).get(path + "&sort=assessmentYear").then().statusCode(200).body("items.id", equalTo(List.of(older, newer)));
        as(AUDITOR).get(path + "&sort=-assessmentYear&size=1&page=1").then().statusCode(200)
                .body("items.id", equalTo(List.of(older))).body("total", equalTo(2)).body("totalPages", equalTo(2));
        as(AUDITOR).get(path + "&sort=state").then().statusCode(400).body("violations.field", hasItem("sort"));
        as(AUDITOR).get(path + "&size=101").then().statusCode(400).body("violations.field", hasItem("size"));
    }

    @Test
    void frameworkVersionsSortAndCountTheirPages() {
        as(AUDITOR).get("/api/v1/frameworks?status=PUBLISHED&size=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("totalPages", equalTo(as(AUDITOR).get("/api/v1/frameworks?status=PUBLISHED&size=1")
                        .then().extract().path("total")));
        as(AUDITOR).get("/api/v1/frameworks?code=kominfo-readiness&status=PUBLISHED").then().statusCode(200)
                .body("items.version", equalTo(List.of(2, 1)));
        as(AUDITOR).get("/api/v1/frameworks?code=kominfo-readiness&status=PUBLISHED&sort=version").then().statusCode(200)
                .body("items.version", equalTo(List.of(1, 2)));
        as(AUDITOR).get("/api/v1/frameworks?sort=name").then().statusCode(400).body("violations.field", hasItem("sort"));
    }

    @Test
    void recordedOutcomesAndTheirRevisionsAreListsInTheOneEnvelope() {
        for (String code : List.of("18.72", "51.02", "52.07")) {
            as(IMPORTER).body(RecordedOutcomeCorrectionTest.outcome(2087, code, "SELECTED")).post("/api/v1/recorded-assessments")
                    .then().log().ifValidationFails().statusCode(201);
        }
        String path = "/api/v1/recorded-assessments?programmeYear=2087";
        as(AUDITOR).get(path).then().statusCode(200).body("items.regionCode", equalTo(List.of("18.72", "51.02", "52.07")))
                .body("total", equalTo(3)).body("totalPages", equalTo(1));
        as(AUDITOR).get(path + "&sort=-regionCode&size=2").then().statusCode(200)
                .body("items.regionCode", equalTo(List.of("52.07", "51.02"))).body("total", equalTo(3)).body("totalPages", equalTo(2));
        as(AUDITOR).get(path + "&sort=-regionCode&size=2&page=1").then().statusCode(200)
                .body("items.regionCode", equalTo(List.of("18.72")));
        String id = as(AUDITOR).get(path).then().extract().path("items[0].id");
        as(AUDITOR).get("/api/v1/recorded-assessments/{id}/revisions", id).then().statusCode(200)
                .body("items.size()", equalTo(0)).body("total", equalTo(0)).body("totalPages", equalTo(0))
                .body("page", equalTo(0)).body("size", equalTo(20));
    }

    @Test
    void cohortsAreOldestFirstUnlessSorted() {
        List<Integer> years = as(AUDITOR).get("/api/v1/cohorts?size=100").then().statusCode(200).body("page", equalTo(0))
                .extract().path("items.programmeYear");
        List<Integer> newestFirst = as(AUDITOR).get("/api/v1/cohorts?size=100&sort=-programmeYear").then().statusCode(200)
                .extract().path("items.programmeYear");
        org.assertj.core.api.Assertions.assertThat(years).isSorted().isNotEmpty();
        org.assertj.core.api.Assertions.assertThat(newestFirst).isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .containsExactlyInAnyOrderElementsOf(years);
    }
}
