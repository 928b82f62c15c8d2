package id.kotacerdas.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kotacerdas.gateway.openapi.ApiDocumentMerger;
import id.kotacerdas.gateway.openapi.ApiDocumentMerger.ServiceDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The merge rules on small documents, without HTTP. */
class ApiDocumentMergerTest {

    static final ObjectMapper JSON = new ObjectMapper();

    final ApiDocumentMerger merger = new ApiDocumentMerger(
            new ApiDocumentMerger.Settings("T", "1", "/", "https://kc/auth", "https://kc/token"), json("""
                    {"schemas": {"Problem": {"type": "object"}},
                     "responses": {"GatewayTimeout": {"description": "t",
                        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}
                    """));

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ServiceDocument service(String route, String prefix, String doc) {
        return new ServiceDocument(route, p -> p.startsWith(prefix), p -> false, json(doc), "/q/openapi/" + route);
    }

    @Test
    void schemasThatBecomeDifferentThroughARenamedReferenceAreRenamedToo() {
        String page = """
                {"openapi": "3.1.0", "paths": {"%s": {"get": {"responses": {"200": {"description": "ok",
                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
                 "components": {"schemas": {
                   "Page": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}}},
                   "Item": {"type": "object", "properties": {"%s": {"type": "string"}}}}}}
                """;
        ObjectNode merged = merger.merge(List.of(
                service("region", "/api/v1/regions", page.formatted("/api/v1/regions", "code")),
                service("master-plan", "/api/v1/masterplans", page.formatted("/api/v1/masterplans", "id"))), List.of());

        assertThat(merged.path("components").path("schemas").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("Problem", "RegionPage", "RegionItem", "MasterPlanPage", "MasterPlanItem");
        assertThat(merged.at("/components/schemas/RegionPage/properties/items/items/$ref").asText())
                .isEqualTo("#/components/schemas/RegionItem");
        assertThat(merged.at("/components/schemas/MasterPlanPage/properties/items/items/$ref").asText())
                .isEqualTo("#/components/schemas/MasterPlanItem");
        assertThat(merged.at("/paths/~1api~1v1~1masterplans/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/MasterPlanPage");
    }

    @Test
    void aServiceSchemaClashingWithTheGatewaysProblemRenamesBothAndTheGatewayResponsesFollow() {
        ObjectNode merged = merger.merge(List.of(service("region", "/api/v1/regions", """
                {"openapi": "3.1.0", "paths": {"/api/v1/regions": {"get": {"responses": {"404": {"description": "no",
                  "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
                 "components": {"schemas": {"Problem": {"type": "object", "properties": {"title": {"type": "string"}}}}}}
                """)), List.of());

        assertThat(merged.path("components").path("schemas").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("GatewayProblem", "RegionProblem");
        assertThat(merged.at("/components/responses/GatewayTimeout/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/GatewayProblem");
        assertThat(merged.at("/paths/~1api~1v1~1regions/get/responses/404/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/RegionProblem");
        assertThat(merged.at("/paths/~1api~1v1~1regions/get/responses/504/$ref").asText())
                .isEqualTo("#/components/responses/GatewayTimeout");
    }

    @Test
    void theAnswersOfARateLimitedRouteDocumentWhatIsLeftOfTheLimit() {
        String doc = """
                {"openapi": "3.1.0", "paths": {"%s": {"post": {"responses": {
                  "201": {"description": "made"}, "400": {"description": "bad"}, "503": {"description": "down"}}}}}}
                """;
        ObjectNode merged = merger.merge(List.of(
                new ServiceDocument("region", p -> p.startsWith("/api/v1/regions"), p -> false,
                        json(doc.formatted("/api/v1/regions")), "/q/openapi/region", true),
                service("masterplan", "/api/v1/masterplans", doc.formatted("/api/v1/masterplans"))), List.of());

        for (String status : List.of("201", "400")) {
            assertThat(merged.at("/paths/~1api~1v1~1regions/post/responses/" + status + "/headers").fieldNames())
                    .toIterable().as(status).contains("RateLimit-Policy", "RateLimit");
            assertThat(merged.at("/paths/~1api~1v1~1regions/post/responses/" + status + "/headers/RateLimit/$ref").asText())
                    .isEqualTo("#/components/headers/RateLimit");
        }
        // a 5xx, and every answer of a route without a limit, do not announce one
        assertThat(merged.at("/paths/~1api~1v1~1regions/post/responses/503/headers").has("RateLimit")).isFalse();
        assertThat(merged.at("/paths/~1api~1v1~1masterplans/post/responses/201/headers").has("RateLimit")).isFalse();
        // the gateway's own 401 is answered before the limit is counted: a reference, as for any route
        assertThat(merged.at("/paths/~1api~1v1~1regions/post/responses/401/$ref").asText())
                .isEqualTo("#/components/responses/GatewayUnauthorized");
    }

    @Test
    void aPathTwoServicesClaimStaysWithTheFirstAndIsReported() {
        String doc = """
                {"openapi": "3.1.0", "info": {"title": "%s"}, "paths": {"/api/v1/shared": {"get": {"summary": "%s", "responses": {}}}}}
                """;
        ObjectNode merged = merger.merge(List.of(service("a", "/api/v1", doc.formatted("a", "from a")),
                service("b", "/api/v1", doc.formatted("b", "from b"))), List.of());
        assertThat(merged.at("/paths/~1api~1v1~1shared/get/summary").asText()).isEqualTo("from a");
        assertThat(merged.at("/x-kotacerdas-conflicts/0/droppedFrom").asText()).isEqualTo("b");
    }

    @Test
    void everyProblemSchemasTypeIsPointedToTheCatalogueBeforeTheMergeSoThatItStaysShared() {
        String doc = """
                {"openapi": "3.1.0", "paths": {"/api/v1/regions": {"get": {"responses": {"400": {"description": "bad",
                  "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
                 "components": {"schemas": {"Problem": {"type": "object",
                   "properties": {"type": {"type": "string", "description": "A URI."}}}}}}
                """;
        ApiDocumentMerger withType = new ApiDocumentMerger(
                new ApiDocumentMerger.Settings("T", "1", "/", "https://kc/auth", "https://kc/token"), json("""
                        {"schemas": {"Problem": {"type": "object",
                           "properties": {"type": {"type": "string", "description": "Another text."}}}}}
                        """));
        ObjectNode merged = withType.merge(List.of(service("region", "/api/v1/regions", doc)), List.of());

        assertThat(merged.path("components").path("schemas").fieldNames()).toIterable().containsExactly("Problem");
        assertThat(merged.at("/components/schemas/Problem/properties/type/description").asText())
                .contains("https://kotacerdas.id/problems/<slug>").contains("`/problems/{slug}`");
        assertThat(merged.at("/info/description").asText()).contains("[`/problems`](/problems)");
    }
}
