package id.kotacerdas.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One API document for all services, built from the routes at request time; each service's own stays reachable. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class ApiDocumentTest {

    static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    JsonPath merged() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .contentType(containsString("application/json")).extract().jsonPath();
    }

    @Test
    void mergedDocumentHasThePathsEveryRouteForwardsAndNoOthers() {
        Map<String, Object> paths = merged().getMap("paths");
        assertThat(paths).containsOnlyKeys("/api/v1/things", "/api/v1/things/{id}", "/api/v1/things/public/info",
                "/api/v1/audit-entries", "/api/v1/widgets", "/api/v1/widgets/{sku}");
        JsonPath doc = merged();
        assertThat(doc.getString("openapi")).startsWith("3.1");
        assertThat(doc.getString("servers[0].url")).isEqualTo("/");
        assertThat(doc.getList("tags.name")).containsExactly("Things", "Audit", "Widgets");
        assertThat(doc.getString("tags.find { it.name == 'Audit' }.description")).isEqualTo("Who changed what.");
    }

    @Test
    void clashingSchemasArePrefixedWithTheRouteAndTheirReferencesFollow() {
        JsonPath doc = merged();
        Map<String, Object> schemas = doc.getMap("components.schemas");
        assertThat(schemas).containsKeys("AlphaItem", "BetaItem").doesNotContainKeys("Item");
        assertThat(doc.getString("components.schemas.AlphaItem.description")).isEqualTo("A thing of alpha.");
        assertThat(doc.getString("components.schemas.BetaItem.description")).isEqualTo("A widget of beta.");
        assertThat(doc.getString("paths.'/api/v1/things/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/AlphaItem");
        assertThat(doc.getString("paths.'/api/v1/things'.post.requestBody.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/AlphaItem");
        assertThat(doc.getString("components.schemas.ThingPage.properties.items.items.'$ref'"))
                .isEqualTo("#/components/schemas/AlphaItem");
        assertThat(doc.getString("paths.'/api/v1/widgets'.get.responses.'200'.content.'application/json'.schema.items.'$ref'"))
                .isEqualTo("#/components/schemas/BetaItem");
        assertThat(doc.getString("components.schemas.BetaItem.discriminator.mapping.w")).isEqualTo("#/components/schemas/BetaItem");
    }

    @Test
    void identicalSchemasAreSharedAndUnusedOnesLeftOut() {
        JsonPath doc = merged();
        Map<String, Object> schemas = doc.getMap("components.schemas");
        assertThat(schemas).containsKeys("Money", "Problem", "Violation", "AuditEntry")
                .doesNotContainKeys("AlphaMoney", "BetaMoney", "GatewayProblem", "AlphaProblem", "OnlyInternal");
        assertThat(doc.getString("components.schemas.BetaItem.properties.price.'$ref'")).isEqualTo("#/components/schemas/Money");
        assertThat(doc.getMap("components.parameters")).containsOnlyKeys("IdempotencyKey");
    }

    @Test
    void theGatewaysOAuth2SchemeReplacesTheServicesSchemes() {
        JsonPath doc = merged();
        assertThat(doc.getMap("components.securitySchemes")).containsOnlyKeys("keycloak");
        assertThat(doc.getString("components.securitySchemes.keycloak.type")).isEqualTo("oauth2");
        String realm = io.restassured.RestAssured.given().get("/q/openapi").jsonPath()
                .getString("components.securitySchemes.keycloak.flows.authorizationCode.authorizationUrl");
        assertThat(realm).endsWith("/realms/quarkus/protocol/openid-connect/auth");
        assertThat(doc.getString("components.securitySchemes.keycloak.flows.authorizationCode.tokenUrl"))
                .endsWith("/realms/quarkus/protocol/openid-connect/token");
        assertThat(doc.getString("components.securitySchemes.keycloak.flows.clientCredentials.tokenUrl"))
                .endsWith("/protocol/openid-connect/token");
        // alpha's own scheme name, beta's (global, openIdConnect "oidc") and unsecured operations under a protected prefix
        assertThat(doc.getList("paths.'/api/v1/things'.get.security")).isEqualTo(List.of(Map.of("keycloak", List.of())));
        assertThat(doc.getList("paths.'/api/v1/widgets/{sku}'.get.security")).isEqualTo(List.of(Map.of("keycloak", List.of("read"))));
        assertThat(doc.getList("paths.'/api/v1/things/public/info'.get.security")).isNull();
    }

    @Test
    void everyOperationDocumentsTheGatewaysOwnErrors() {
        JsonPath doc = merged();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!METHODS.contains(method)) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(responses).as(method + " " + path).containsKeys("413", "429", "502", "503", "504");
            if (!path.startsWith("/api/v1/things/public")) {
                assertThat(responses).as(method + " " + path).containsKey("401");
            } else {
                assertThat(responses).as("public " + path).doesNotContainKey("401");
            }
        }));
        assertThat(doc.getString("paths.'/api/v1/things/{id}'.get.responses.'429'.'$ref'"))
                .isEqualTo("#/components/responses/GatewayTooManyRequests");
        // a status the service documents itself keeps the service's description
        assertThat(doc.getString("paths.'/api/v1/things'.get.responses.'401'.description"))
                .isEqualTo("No token (documented by the service itself).");
        assertThat(doc.getString("paths.'/api/v1/widgets/{sku}'.get.responses.'503'.description")).isEqualTo("Beta documents its own 503.");
        assertThat(doc.getString("components.responses.GatewayTooManyRequests.content.'application/problem+json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/Problem");
        assertThat(doc.getMap("components.responses.GatewayTooManyRequests.headers")).containsKey("Retry-After");
        assertThat(doc.getMap("components.responses")).containsKeys("GatewayUnauthorized", "GatewayPayloadTooLarge",
                "GatewayTooManyRequests", "GatewayBadGateway", "GatewayServiceUnavailable", "GatewayTimeout");
    }

    @Test
    void aServiceThatIsDownIsLeftOutAndNamedWithoutFailingTheDocument() {
        JsonPath doc = merged();
        assertThat(doc.getString("'x-kotacerdas-services'.find { it.route == 'down' }.status")).isEqualTo("unavailable");
        assertThat(doc.getString("'x-kotacerdas-services'.find { it.route == 'down' }.reason")).isNotBlank();
        assertThat(doc.getString("'x-kotacerdas-services'.find { it.route == 'alpha' }.status")).isEqualTo("included");
        assertThat(doc.getString("'x-kotacerdas-services'.find { it.route == 'alpha' }.document")).isEqualTo("/q/openapi/alpha");
        assertThat(doc.getString("info.description")).contains("`down`: **not included now**");
    }

    @Test
    void mergedDocumentIsAlsoServedAsYaml() {
        given().get("/q/openapi?format=yaml").then().statusCode(200)
                .contentType(containsString("application/yaml"))
                .body(startsWith("openapi: "))
                .body(containsString("AlphaItem:"));
        given().accept("application/yaml").get("/q/openapi").then().statusCode(200).body(startsWith("openapi: "));
        given().get("/q/openapi?format=json").then().statusCode(200).body("openapi", startsWith("3.1"));
    }

    @Test
    void eachServicesOwnDocumentIsReachableThroughTheGateway() {
        given().get("/q/openapi/alpha").then().statusCode(200)
                .body("info.title", equalTo("Kota Cerdas — alpha-service"))
                .body("components.schemas.Item.description", equalTo("A thing of alpha."));
        given().get("/q/openapi/beta").then().statusCode(200).body("info.title", equalTo("Kota Cerdas — beta-service"));
        given().get("/q/openapi/nope").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyServicesEventDocumentsAreLinkedAndServedWithoutAToken() {
        given().get("/events").then().statusCode(200).contentType(containsString("application/json"))
                .body("services.find { it.route == 'alpha' }.asyncapi", equalTo("/events/alpha/asyncapi.yaml"))
                .body("services.find { it.route == 'beta' }.schemas", equalTo("/events/beta/schemas/"));
        assertThat(merged().getString("info.description")).contains("[events](/events/alpha/asyncapi.yaml)",
                "[events](/events/beta/asyncapi.yaml)");
        // passed to the route's own events path (the fake upstream echoes what it got), no token needed
        given().get("/events/alpha/asyncapi.yaml").then().statusCode(200).body("path", equalTo("/events/asyncapi.yaml"))
                .body("headers.authorization", org.hamcrest.Matchers.nullValue());
        given().get("/events/beta/schemas/ThingChanged.v1.json").then().statusCode(200)
                .body("path", equalTo("/events/schemas/ThingChanged.v1.json"));
        given().get("/events/nope/asyncapi.yaml").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no route named nope"));
        // dot segments are resolved before routing: this is the API path, which needs a token, not an events file
        given().urlEncodingEnabled(false).get("/events/alpha/%2e%2e/%2e%2e/api/v1/things").then().statusCode(401)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false).get("/events/alpha/a%20b.json").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void swaggerUiShowsTheMergedDocumentAndSignsInWithPkce() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        String index = given().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();
        assertThat(index).contains("/q/openapi").contains("kotacerdas-cli").contains("usePkceWithAuthorizationCodeGrant: true");
        given().get("/q/swagger-ui/oauth2-redirect.html").then().statusCode(200);
    }

    @Test
    void readinessStaysUpWhileAnUpstreamIsDownAndReportsEachUpstream() {
        // route "down" has no service listening: the gateway still takes traffic for the others
        JsonPath ready = given().config(UpstreamFailureTest.TWO_SECONDS).get("/q/health/ready").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ready.getString("status")).isEqualTo("UP");
        assertThat(ready.getString("checks.find { it.name == 'upstreams' }.status")).isEqualTo("UP");
        assertThat(ready.getString("checks.find { it.name == 'upstreams' }.data.alpha")).isEqualTo("UP, circuit CLOSED");
        assertThat(ready.getString("checks.find { it.name == 'upstreams' }.data.beta")).startsWith("UP");
        assertThat(ready.getString("checks.find { it.name == 'upstreams' }.data.down")).startsWith("DOWN (");
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // and that upstream's routes still answer a problem at once
        given().auth().oauth2(UpstreamFailureTest.token()).get("/api/v1/down/x").then().statusCode(502)
                .contentType("application/problem+json");
    }

    @Test
    void theMergedDocumentPointsToTheProblemCatalogue() {
        JsonPath doc = merged();
        assertThat(doc.getString("info.description")).contains("https://kotacerdas.id/problems/<slug>")
                .contains("[`/problems/{slug}`](/problems)").contains("[`/problems`](/problems)");
        // set in every document before merging: the services' Problem and the gateway's stay one shared schema
        assertThat(doc.getString("components.schemas.Problem.properties.type.description"))
                .contains("`/problems/{slug}`").contains("`/problems`");
        assertThat(doc.getMap("components.schemas")).doesNotContainKeys("GatewayProblem", "AlphaProblem", "BetaProblem");
        // and the link resolves
        given().accept("application/json").get("/problems").then().statusCode(200);
    }
}
