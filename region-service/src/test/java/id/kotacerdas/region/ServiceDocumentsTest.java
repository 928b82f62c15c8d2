package id.kotacerdas.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceDocumentsTest {

    @Test
    void healthReportsDatabaseAndKafkaWithoutAToken() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.kafka", startsWith("UP"))
                .body("checks.find { it.name == 'outbox' }.data.relay", notNullValue())
                .body("checks.find { it.name == 'outbox' }.data.pending", notNullValue());
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsArePublic() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests"));
    }

    @Test
    void everyOperationIsDocumentedWithExamplesErrorsAndSecurity() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/regions", "/api/v1/regions/{code}", "/api/v1/regions/counts",
                "/api/v1/regions/{code}/profile", "/api/v1/regions/{code}/audit-entries", "/api/v1/audit/region-service",
                "/api/v1/audit/region-service/{entryId}");
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
            @SuppressWarnings("unchecked")
            Map<String, Object> forbidden = (Map<String, Object>) responses.get("403");
            assertThat(forbidden.toString()).as(where + " errors are problem+json").contains("application/problem+json");
        }));
        given().accept("application/json").get("/q/openapi").then()
                .body("components.securitySchemes.keycloak.type", equalTo("oauth2"))
                .body("components.schemas.Problem.properties.violations", notNullValue())
                .body("paths.'/api/v1/regions/{code}'.get.responses.'200'.content.'application/json'.examples", notNullValue());
    }

    @Test
    void requestBoundsTheServerEnforcesAreInTheDocument() {
        JsonPath doc = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> regions = parameters(doc, "/api/v1/regions");
        assertThat(regions.get("size")).containsEntry("minimum", 1).containsEntry("maximum", 100).containsEntry("default", 20);
        assertThat(regions.get("page")).containsEntry("minimum", 0).containsEntry("maximum", 10000).containsEntry("default", 0);
        assertThat(regions.get("q")).containsEntry("minLength", 1).containsEntry("maxLength", 100);
        assertThat(regions.get("sort")).containsEntry("maxLength", 20);
        assertThat(regions.get("provinceCode")).containsEntry("maxLength", 2);
        assertThat(regions.get("level")).containsEntry("$ref", "#/components/schemas/RegionLevel");
        assertThat(doc.getList("components.schemas.RegionLevel.enum")).containsExactly("PROVINCE", "KABUPATEN", "KOTA");
        assertThat(regions.get("administrative")).containsEntry("type", "boolean");
        Map<String, Map<String, Object>> audit = parameters(doc, "/api/v1/audit/region-service");
        assertThat(audit.get("size")).containsEntry("maximum", 100);
        assertThat(audit.get("actor")).containsEntry("maxLength", 255);
        assertThat(audit.get("resourceType")).containsEntry("maxLength", 100);
        assertThat(audit.get("resourceId")).containsEntry("maxLength", 100);
        assertThat(audit.get("from")).containsEntry("$ref", "#/components/schemas/OffsetDateTime");
        assertThat(doc.getString("components.schemas.OffsetDateTime.format")).isEqualTo("date-time");
        assertThat(parameters(doc, "/api/v1/regions/{code}/audit-entries").get("size")).containsEntry("maximum", 100);
        assertThat(doc.getInt("components.schemas.RegionProfileData.properties.website.maxLength")).isEqualTo(300);
        assertThat(doc.getInt("components.schemas.RegionProfileData.properties.rpjmdPeriods.maxItems")).isEqualTo(10);
        assertThat(doc.getInt("components.schemas.RpjmdPeriod.properties.startYear.maximum")).isEqualTo(2100);
    }

    /** The schemas of a GET operation's parameters, by name. */
    private static Map<String, Map<String, Object>> parameters(JsonPath doc, String path) {
        List<Map<String, Object>> parameters = doc.getList("paths.'" + path + "'.get.parameters");
        Map<String, Map<String, Object>> byName = new java.util.TreeMap<>();
        for (Map<String, Object> parameter : parameters) {
            @SuppressWarnings("unchecked")
            Map<String, Object> schema = (Map<String, Object>) parameter.get("schema");
            byName.put((String) parameter.get("name"), schema);
        }
        return byName;
    }

    @Test
    void swaggerUiAndEventDocumentsAreServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().get("/events/asyncapi.yaml").then().statusCode(200).body(containsString("kotacerdas.region.v1"))
                .body(containsString("kotacerdas.region-registry.v1"))
                .body(containsString("schemas/RegionRegistered.v1.json"));
        given().get("/events/schemas/RegionRegistered.v1.json").then().statusCode(200)
                .body("title", equalTo("RegionRegistered v1"));
        given().get("/events/schemas/RegionProfileUpdated.v1.json").then().statusCode(200)
                .body("title", equalTo("RegionProfileUpdated v1"));
    }
}
