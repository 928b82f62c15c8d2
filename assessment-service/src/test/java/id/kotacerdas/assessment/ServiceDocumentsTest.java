package id.kotacerdas.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceDocumentsTest {

    @Test
    void readinessReportsDatabaseKafkaAndTheRegistryReplica() {
        Flow.registryReady();
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'region-registry' }.status", equalTo("UP"));
    }

    @Test
    void everyOperationIsDocumentedWithItsRolesErrorsExamplesAndSecurity() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/frameworks", "/api/v1/frameworks/{code}/versions/{version}",
                "/api/v1/frameworks/{code}/versions/{version}/publication",
                "/api/v1/frameworks/{code}/versions/{version}/document", "/api/v1/frameworks/{code}/audit-entries",
                "/api/v1/assessment-cycles", "/api/v1/assessment-cycles/{cycleId}",
                "/api/v1/assessment-cycles/{cycleId}/transitions", "/api/v1/assessment-cycles/{cycleId}/invitations",
                "/api/v1/assessment-cycles/{cycleId}/invitations/{regionCode}/declining",
                "/api/v1/assessment-cycles/{cycleId}/self-assessments/{regionCode}",
                "/api/v1/assessment-cycles/{cycleId}/self-assessments/{regionCode}/submission",
                "/api/v1/assessment-cycles/{cycleId}/scoresheets", "/api/v1/assessment-cycles/{cycleId}/scoresheets/{sheetId}",
                "/api/v1/assessment-cycles/{cycleId}/scores/{regionCode}", "/api/v1/assessment-cycles/{cycleId}/ranking",
                "/api/v1/assessment-cycles/{cycleId}/selection", "/api/v1/assessment-cycles/{cycleId}/selection/proposal",
                "/api/v1/assessment-cycles/{cycleId}/audit-entries", "/api/v1/audit/assessment-service",
                "/api/v1/cohorts", "/api/v1/programme-statistics", "/api/v1/assessment-cycles/{cycleId}/result-letters",
                "/api/v1/result-letters", "/api/v1/result-letters/{letterId}", "/api/v1/result-letters/{letterId}/pdf",
                "/api/v1/result-letters/{letterId}/corrections", "/api/v1/result-letters/{letterId}/withdrawal",
                "/api/v1/result-letters/{letterId}/revisions", "/api/v1/recorded-assessments/{id}/corrections",
                "/api/v1/recorded-assessments/{id}/withdrawal", "/api/v1/recorded-assessments/{id}/revisions",
                "/api/v1/evaluation-cycles", "/api/v1/evaluation-cycles/{cycleId}",
                "/api/v1/evaluation-cycles/{cycleId}/transitions", "/api/v1/evaluation-cycles/{cycleId}/regions",
                "/api/v1/evaluation-cycles/{cycleId}/publication", "/api/v1/evaluation-cycles/{cycleId}/audit-entries",
                "/api/v1/evaluation-cycles/{cycleId}/self-assessments/{regionCode}",
                "/api/v1/evaluation-cycles/{cycleId}/self-assessments/{regionCode}/submission",
                "/api/v1/evaluation-cycles/{cycleId}/scoresheets", "/api/v1/evaluation-cycles/{cycleId}/scoresheets/{sheetId}",
                "/api/v1/evaluation-cycles/{cycleId}/scores/{regionCode}", "/api/v1/evaluations",
                "/api/v1/evaluations/distribution", "/api/v1/evaluations/{evaluationId}",
                "/api/v1/evaluations/{evaluationId}/letter", "/api/v1/evaluation-histories/{regionCode}");
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            assertThat(op.get("operationId")).as(where + " operationId").isNotNull();
            assertThat(op.get("summary")).as(where + " summary").isNotNull();
            assertThat((List<?>) op.get("security")).as(where + " security").isNotEmpty();
            if (path.startsWith("/api/v1/frameworks") || path.startsWith("/api/v1/assessment-cycles")
                    || path.startsWith("/api/v1/cohorts") || path.startsWith("/api/v1/programme-statistics")
                    || path.startsWith("/api/v1/result-letters") || path.startsWith("/api/v1/evaluation")) {
                assertThat((String) op.get("description")).as(where + " names its roles").contains("Roles:");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            assertThat(responses).as(where + " responses").containsKeys("401", "403", "500");
            assertThat(responses.keySet()).as(where + " has a success response").anyMatch(s -> s.startsWith("2"));
            assertThat(responses.get("403").toString()).as(where + " errors are problem+json").contains("application/problem+json");
            if (List.of("put", "post").contains(method) && op.get("requestBody") != null) {
                assertThat(op.get("requestBody").toString()).as(where + " request example").contains("examples");
                assertThat(responses).as(where + " documents its bad inputs").containsKey("400");
            }
        }));
        given().accept("application/json").get("/q/openapi").then()
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body("components.schemas.FrameworkDocument.description", containsString("add up to exactly 100"));
    }

    @Test
    void eventAndFrameworkDocumentsArePublic() {
        given().get("/events/asyncapi.yaml").then().statusCode(200).body(containsString("kotacerdas.assessment.v1"))
                .body(containsString("kotacerdas.evaluation.v1"))
                .body(containsString("schemas/RegionSelected.v1.json"));
        for (String name : List.of("AssessmentCycleOpened", "RegionInvited", "SelfAssessmentSubmitted", "RegionScored",
                "RegionSelected", "RegionNotSelected", "CohortRecorded", "CohortMemberCorrected", "CohortMemberWithdrawn",
                "ResultLetterIssued", "AssessmentOutcomeCorrected", "AssessmentOutcomeWithdrawn", "ResultLetterCorrected",
                "ResultLetterWithdrawn", "EvaluationCycleOpened",
                "EvaluationPublished")) {
            given().get("/events/schemas/" + name + ".v1.json").then().statusCode(200).body("title", equalTo(name + " v1"));
        }
        given().get("/schemas/framework.v1.json").then().statusCode(200)
                .body("$id", equalTo("/schemas/framework.v1.json"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
