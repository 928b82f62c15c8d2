package id.kotacerdas.agreement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import id.kotacerdas.agreement.messaging.AgreementEvents;
import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceDocumentsTest {

    @Test
    void healthIsPublicAndReportsTheDatabaseAndTheRegistry() {
        Api.registry();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'region-registry' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }

    @Test
    void everyOperationIsDocumentedWithExamplesErrorsRolesAndSecurity() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/mous", "/api/v1/mous/counts", "/api/v1/mous/{id}",
                "/api/v1/mous/{id}/terms", "/api/v1/mous/{id}/local-side", "/api/v1/mous/{id}/scheduling",
                "/api/v1/mous/{id}/signing", "/api/v1/mous/{id}/amendments", "/api/v1/mous/{id}/revisions",
                "/api/v1/mous/{id}/termination", "/api/v1/mous/{id}/withdrawal", "/api/v1/mou-ceremonies",
                "/api/v1/mou-ceremonies/{id}", "/api/v1/mou-ceremonies/{id}/mous", "/api/v1/mou-ceremonies/{id}/holding",
                "/api/v1/local-commitments", "/api/v1/local-commitments/{id}",
                "/api/v1/local-commitments/{id}/corrections", "/api/v1/local-commitments/{id}/withdrawal",
                "/api/v1/local-commitments/{id}/revisions", "/api/v1/audit/agreement-service",
                "/api/v1/audit/agreement-service/{entryId}", "/api/v1/recorded-mous");
        assertThat(paths.keySet()).allMatch(p -> p.startsWith("/api/v1/mous") || p.startsWith("/api/v1/mou-ceremonies")
                || p.startsWith("/api/v1/local-commitments") || p.startsWith("/api/v1/audit/agreement-service")
                // issue 18: the gateway's agreement route needs this prefix too (gateway.routes.agreement.path-prefixes)
                || p.equals("/api/v1/recorded-mous"),
                "every path is under a prefix the gateway routes to agreement-service");
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!List.of("get", "put", "post", "delete", "patch").contains(method)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            assertThat(op.get("operationId")).as(where + " operationId").isNotNull();
            assertThat(op.get("summary")).as(where + " summary").isNotNull();
            assertThat((List<?>) op.get("security")).as(where + " security").isNotEmpty();
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) op.get("responses");
            assertThat(responses).as(where + " responses").containsKeys("401", "403", "500");
            String success = responses.keySet().stream().filter(s -> s.startsWith("2")).findFirst().orElse(null);
            assertThat(success).as(where + " has a success response").isNotNull();
            if (!path.startsWith("/api/v1/audit/")) { // the audit operations are the platform's
                assertThat(String.valueOf(responses.get(success))).as(where + " success example").contains("example");
            }
            assertThat(String.valueOf(responses.get("403"))).as(where + " errors are problem+json").contains("application/problem+json");
            if (!path.startsWith("/api/v1/audit/")) {
                assertThat(String.valueOf(op.get("description"))).as(where + " names who may call it")
                        .containsAnyOf("ministry-admin", "region-officer", "Every role");
            }
            if (List.of("put", "post").contains(method)) {
                assertThat(String.valueOf(op.get("requestBody"))).as(where + " request example").contains("example");
                assertThat(responses).as(where + " bad input").containsKey("400");
            }
        }));
        assertThat(doc.getString("components.securitySchemes.keycloak.type")).isEqualTo("oauth2");
    }

    @Test
    void theBoundsTheServerEnforcesAreInTheDocument() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> list = parameters(doc, "/api/v1/mous");
        assertThat(list.get("size")).containsEntry("maximum", 100);
        assertThat(list.get("programmeYear")).containsEntry("minimum", 2017).containsEntry("maximum", 2100);
        assertThat(list.get("regionCode")).containsEntry("maxLength", 5);
        assertThat(list.get("provinceCode")).containsEntry("maxLength", 2);
        assertThat(list.get("sort")).containsEntry("maxLength", 20);
        assertThat(doc.getList("components.schemas.MouState.enum")).containsExactly("DRAFT", "SCHEDULED", "SIGNED",
                "EXPIRED", "TERMINATED", "WITHDRAWN");
        assertThat(doc.getInt("components.schemas.MouTerms.properties.title.maxLength")).isEqualTo(300);
        assertThat(doc.getInt("components.schemas.MouTerms.properties.validityYears.maximum")).isEqualTo(10);
        assertThat(doc.getInt("components.schemas.MouTerms.properties.witnesses.maxItems")).isEqualTo(20);
        assertThat(doc.getInt("components.schemas.MouLocalSide.properties.attendees.maxItems")).isEqualTo(50);
        assertThat(doc.getInt("components.schemas.MouSignatory.properties.name.maxLength")).isEqualTo(150);
        assertThat(doc.getInt("components.schemas.LocalCommitmentRequest.properties.opds.maxItems")).isEqualTo(100);
        assertThat(doc.getInt("components.schemas.MouCohortScheduleRequest.properties.mouIds.maxItems")).isEqualTo(600);
        assertThat(doc.getList("components.schemas.ScopeItem.enum")).containsExactly("BIMTEK_MASTERPLAN",
                "DATA_EXCHANGE_AND_FOSS", "SOSIALISASI_AND_FGD", "NATIONAL_SERVICES_INTEGRATION");
        assertThat(doc.getString("paths.'/api/v1/mous/{id}/signing'.post.operationId")).isEqualTo("signMou");
        assertThat(doc.getString("paths.'/api/v1/audit/agreement-service'.get.operationId"))
                .isEqualTo("listAgreementServiceAuditEntries");
    }

    private static Map<String, Map<String, Object>> parameters(JsonPath doc, String path) {
        List<Map<String, Object>> parameters = doc.getList("paths.'" + path + "'.get.parameters");
        Map<String, Map<String, Object>> byName = new TreeMap<>();
        for (Map<String, Object> parameter : parameters) {
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
            byName.put((String) parameter.get("name"), schema);
        }
        return byName;
    }

    @Test
    void swaggerUiTheAsyncApiDocumentAndEveryEventSchemaAreServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/events/asyncapi.yaml").then().statusCode(200)
                .body(containsString("kotacerdas.agreement.v1")).body(containsString("kotacerdas.assessment.v1"))
                .body(containsString("id.kotacerdas.assessment.RegionSelected.v1"));
        for (var spec : AgreementEvents.ALL) {
            String name = spec.type().substring("id.kotacerdas.agreement.".length(), spec.type().length() - 3);
            given().get(spec.dataSchema()).then().statusCode(200).body("title", equalTo(name + " v1"));
            given().get("/events/asyncapi.yaml").then().body(containsString(spec.type()))
                    .body(containsString("schemas/" + name + ".v1.json"));
        }
        given().get("/events/schemas/RegionSelectedAsRead.v1.json").then().statusCode(200)
                .body("required", hasItem("regionCode")).body("additionalProperties", nullValue())
                .body("$id", equalTo("https://kotacerdas.id/events/agreement/schemas/RegionSelectedAsRead.v1.json"))
                .body("description", containsString("https://kotacerdas.id/events/assessment/schemas/RegionSelected.v1.json"));
    }
}
