package id.kotacerdas.masterplan;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API and event documents: complete, public, and holding every bound the server enforces. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "masterplan"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceDocumentsTest {

    @BeforeEach
    void registry() {
        TestSupport.registryReady();
    }

    @Test
    void healthIsPublicAndReportsTheRegistryAndTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("region-registry"))
                .body("checks.name", hasItem("database"))
                .body("checks.name", hasItem(containsString("Reactive Messaging")));
        // one application request first (any answer): the HTTP server's timer exists once a request was served,
        // so the check does not depend on another test class having run before this one
        given().get("/api/v1/masterplans/pillars").then().statusCode(lessThan(500));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void everyOperationIsDocumentedWithIdSummaryRolesErrorsAndSecurity() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/masterplans", "/api/v1/masterplans/{id}", "/api/v1/masterplans/pillars",
                "/api/v1/masterplans/{id}/document", "/api/v1/masterplans/{id}/alignment", "/api/v1/masterplans/{id}/export",
                "/api/v1/masterplans/{id}/submissions", "/api/v1/masterplans/{id}/review",
                "/api/v1/masterplans/{id}/revision-requests", "/api/v1/masterplans/{id}/approval",
                "/api/v1/masterplans/{id}/ratification", "/api/v1/masterplans/{id}/versions",
                "/api/v1/masterplans/{id}/versions/{number}", "/api/v1/masterplans/{id}/version-diff",
                "/api/v1/masterplans/{id}/bimtek-stages", "/api/v1/masterplans/{id}/bimtek-stages/{stage}",
                "/api/v1/masterplans/{id}/bimtek-stages/{stage}/holding",
                "/api/v1/masterplans/{id}/bimtek-stages/{stage}/cancellation",
                "/api/v1/masterplans/{id}/bimtek-stages/{stage}/attendance", "/api/v1/audit/masterplan-service",
                "/api/v1/audit/masterplan-service/{entryId}");
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            assertThat(op.get("operationId")).as(where + " operationId").isNotNull();
            assertThat(op.get("summary")).as(where + " summary").isNotNull();
            assertThat((List<?>) op.get("security")).as(where + " security").isNotEmpty();
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            assertThat(responses).as(where + " responses").containsKeys("401", "403", "500");
            assertThat(responses.keySet()).as(where + " has a success response").anyMatch(s -> s.startsWith("2"));
            if (!path.startsWith("/api/v1/audit")) {
                assertThat(String.valueOf(op.get("description"))).as(where + " says who may call it")
                        .containsAnyOf("ministry-admin", "region-officer", "assessor", "Every role");
            }
            if (List.of("put", "post").contains(method)) {
                assertThat(responses).as(where + " names its client errors").containsKey("404");
            }
        }));
    }

    @Test
    void requestBoundsTheServerEnforcesAreInTheDocument() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        String s = "components.schemas.";
        assertThat(doc.getInt(s + "MasterplanDocument.properties.quickWins.maxItems")).isEqualTo(50);
        assertThat(doc.getInt(s + "MasterplanDocument.properties.programmes.maxItems")).isEqualTo(200);
        assertThat(doc.getInt(s + "MasterplanDocument.properties.roadmap.maxItems")).isEqualTo(11);
        assertThat(doc.getInt(s + "MasterplanDocument.properties.vision.maxLength")).isEqualTo(2000);
        assertThat(doc.getInt(s + "QuickWin.properties.durationMonths.minimum")).isEqualTo(6);
        assertThat(doc.getInt(s + "QuickWin.properties.durationMonths.maximum")).isEqualTo(12);
        assertThat(doc.getInt(s + "Programme.properties.pillar.maxLength")).isEqualTo(50);
        assertThat(doc.getInt(s + "BimtekStageSchedule.properties.stage.maximum")).isEqualTo(4);
        assertThat(doc.getInt(s + "BimtekStageSchedule.properties.guides.maxItems")).isEqualTo(10);
        assertThat(doc.getList(s + "Horizon.enum")).containsExactly("SHORT", "MEDIUM", "LONG");
        assertThat(doc.getList(s + "RatificationInstrument.enum")).containsExactly("PERWALI", "PERBUP", "PERGUB", "PERDA", "SK");
        assertThat(doc.getList(s + "BudgetSource.enum")).containsExactly("APBD", "APBN", "FOREIGN_GRANT", "KPBU", "CSR_PRIVATE");
        assertThat(doc.getString("paths.'/api/v1/masterplans/{id}/document'.put.responses.'422'.content.'application/problem+json'.examples.'Smart Infrastructure'.value"))
                .contains("Smart Infrastructure");
    }

    @Test
    void theEventDocumentsArePublic() {
        given().get("/events/asyncapi.yaml").then().statusCode(200).body(containsString("kotacerdas.masterplan.v1"))
                .body(containsString("schemas/MasterplanRatified.v1.json")).body(containsString("MouSignedAsRead"));
        given().get("/events/schemas/BimtekCompleted.v1.json").then().statusCode(200)
                .body("title", equalTo("BimtekCompleted v1"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
