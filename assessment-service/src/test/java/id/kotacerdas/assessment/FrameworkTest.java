package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.OFFICER_METRO;
import static id.kotacerdas.assessment.Api.as;
import static id.kotacerdas.assessment.Api.count;
import static id.kotacerdas.assessment.Api.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.kotacerdas.assessment.config.FrameworkLoader;
import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class FrameworkTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    FrameworkLoader loader;

    /** A two-criteria document under a fresh code. */
    static ObjectNode document(String code) throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"code":"%s","name":"Test framework","metadata":{"weightNote":"equal"},
                 "scales":[{"id":"five","levels":[{"value":1,"label":"1"},{"value":2,"label":"2"},{"value":3,"label":"3"},{"value":4,"label":"4"},{"value":5,"label":"5"}]}],
                 "criteria":[
                  {"code":"K1","name":"Readiness","weight":50,"indicators":[{"code":"K1.1","name":"Readiness","weight":100,"type":"ORDINAL","direction":"HIGHER_IS_BETTER","scale":"five"}]},
                  {"code":"K2","name":"Vision","weight":50,"indicators":[{"code":"K2.1","name":"Vision","weight":100,"type":"ORDINAL","direction":"HIGHER_IS_BETTER","scale":"five"}]}]}
                """.formatted(code));
    }

    static String code() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shippedFrameworksArePublishedOnceWithEqualWeightsAndTheirSources() throws Throwable {
        as(AUDITOR).get("/api/v1/frameworks/kominfo-readiness/versions/2").then().statusCode(200)
                .body("status", equalTo("PUBLISHED"))
                .body("document.criteria.code", hasItems("K1", "K2", "K3", "K4", "K5"))
                .body("document.criteria.weight", equalTo(java.util.List.of(20, 20, 20, 20, 20)))
                .body("document.criteria.name", hasItem("SPBE index"))
                .body("document.metadata.weightNote", containsString("not published"))
                .body("document.metadata.sources.url", hasItem("https://warta.jogjakota.go.id/detail/index/26209"));
        as(AUDITOR).get("/api/v1/frameworks/kominfo-readiness/versions/1").then().statusCode(200)
                .body("document.criteria.name", hasItems("Leadership commitment", "Capacity to innovate",
                        "IT-based vision and mission", "Fiscal capacity beyond the APBD"));
        as(OFFICER_METRO).get("/api/v1/frameworks/spbe/versions/1").then().statusCode(200)
                .body("document.criteria.size()", equalTo(4))
                .body("document.criteria.subDimensions.flatten().size()", equalTo(8))
                .body("document.criteria.subDimensions.flatten().indicators.flatten().size()", equalTo(47))
                .body("document.criteria.subDimensions.flatten().indicators.flatten().name",
                        hasItem("Indikator 47 (name not in stored sources)"))
                .body("document.scales[0].levels.label", equalTo(java.util.List.of("Rintisan", "Terkelola",
                        "Terstandarisasi", "Terpadu dan Terukur", "Optimum")));

        long versions = count("framework_version");
        long audits = count("audit_entry");
        assertThat(loader.load()).as("a second load adds nothing").isZero();
        assertThat(count("framework_version")).isEqualTo(versions);
        assertThat(count("audit_entry")).isEqualTo(audits);
        assertThat(count("SELECT count(*) FROM framework_version WHERE code IN ('kominfo-readiness','spbe')")).isEqualTo(3);
    }

    @Test
    void aDraftIsEditedWithIfMatchPublishedAndThenNeverChanges() throws Exception {
        String code = code();
        Response created = as(MINISTRY).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(document(code).toString()).post("/api/v1/frameworks");
        created.then().statusCode(201).header("Location", endsWith("/api/v1/frameworks/" + code + "/versions/1"))
                .body("status", equalTo("DRAFT")).body("version", equalTo(1));
        String etag = created.header("ETag");

        ObjectNode changed = document(code);
        ((ObjectNode) changed.withArray("criteria").get(0)).put("name", "Regional readiness");
        String newTag = as(MINISTRY).header("If-Match", etag).body(changed.toString())
                .put("/api/v1/frameworks/{code}/versions/1", code).then().statusCode(200)
                .body("document.criteria[0].name", equalTo("Regional readiness")).extract().header("ETag");
        as(MINISTRY).header("If-Match", etag).body(document(code).toString())
                .put("/api/v1/frameworks/{code}/versions/1", code).then().statusCode(412);
        as(MINISTRY).body(document(code).toString())
                .put("/api/v1/frameworks/{code}/versions/1", code).then().statusCode(428);

        String published = as(MINISTRY).header("If-Match", newTag).post("/api/v1/frameworks/{code}/versions/1/publication", code)
                .then().log().ifValidationFails().statusCode(200).body("status", equalTo("PUBLISHED")).extract().header("ETag");
        long before = writes();
        as(MINISTRY).header("If-Match", published).body(document(code).toString())
                .put("/api/v1/frameworks/{code}/versions/1", code).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("PUBLISHED"));
        as(MINISTRY).header("If-Match", published).post("/api/v1/frameworks/{code}/versions/1/publication", code)
                .then().statusCode(409);
        assertThat(writes()).isEqualTo(before);
        as(AUDITOR).get("/api/v1/frameworks/{code}/versions/1", code).then()
                .body("document.criteria[0].name", equalTo("Regional readiness"));

        as(AUDITOR).get("/api/v1/frameworks/{code}/audit-entries", code).then().statusCode(200)
                .body("items.action", equalTo(java.util.List.of("FRAMEWORK_VERSION_PUBLISHED",
                        "FRAMEWORK_VERSION_REPLACED", "FRAMEWORK_VERSION_CREATED")))
                .body("items[1].before.content.criteria[0].name", equalTo("Readiness"))
                .body("items[1].after.content.criteria[0].name", equalTo("Regional readiness"));
    }

    @Test
    void anExportedVersionImportsAgainAsTheNextVersion() throws Exception {
        String exported = as(AUDITOR).get("/api/v1/frameworks/spbe/versions/1/document").then().statusCode(200)
                .header("Content-Disposition", containsString("spbe.v1.json"))
                .body("$schema", equalTo("/schemas/framework.v1.json"))
                .extract().asString();
        ObjectNode doc = (ObjectNode) JSON.readTree(exported);
        String code = code();
        doc.put("code", code);
        doc.remove("version");
        String imported = as(MINISTRY).body(doc.toString()).post("/api/v1/frameworks").then().statusCode(201)
                .body("version", equalTo(1)).extract().asString();
        assertThat(JSON.readTree(imported).get("document").get("criteria")).isEqualTo(JSON.readTree(exported).get("criteria"));
        assertThat(JSON.readTree(imported).get("document").get("scales")).isEqualTo(JSON.readTree(exported).get("scales"));
        doc.put("version", 1);
        as(MINISTRY).body(doc.toString()).post("/api/v1/frameworks").then().statusCode(409)
                .body("detail", containsString("version 2"));
        doc.remove("version");
        as(MINISTRY).body(doc.toString()).post("/api/v1/frameworks").then().statusCode(201)
                .body("version", equalTo(2)).body("status", equalTo("DRAFT"));
    }

    @Test
    void weightsThatDoNotAddUpAndOtherBadDocumentsAreProblemsThatWriteNothing() throws Exception {
        String code = code();
        long before = writes();
        long versions = count("framework_version");
        ObjectNode ninety = document(code);
        ((ObjectNode) ninety.withArray("criteria").get(1)).put("weight", 40);
        as(MINISTRY).body(ninety.toString()).post("/api/v1/frameworks").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("criteria"))
                .body("violations.message", hasItem(containsString("add up to 90")));

        ObjectNode unknownScale = document(code);
        ((ObjectNode) unknownScale.withArray("criteria").get(0).withArray("indicators").get(0)).put("scale", "ten");
        as(MINISTRY).body(unknownScale.toString()).post("/api/v1/frameworks").then().statusCode(422)
                .body("violations.field", hasItem("criteria[0].indicators[0].scale"));

        ObjectNode blank = document(code);
        ((ObjectNode) blank.withArray("criteria").get(0)).put("name", "");
        ((ArrayNode) blank.withArray("scales").get(0).withArray("levels")).remove(4);
        blank.put("code", "Not A Code");
        as(MINISTRY).body(blank.toString()).post("/api/v1/frameworks").then().statusCode(400)
                .body("violations.field", hasItems("criteria[0].name", "code"));
        as(MINISTRY).body(document(code).put("colour", "red").toString()).post("/api/v1/frameworks").then().statusCode(400)
                .body("violations.field", hasItem("colour"));
        as(MINISTRY).body(document(code).put("version", 5).toString()).post("/api/v1/frameworks").then().statusCode(422)
                .body("violations.field", hasItem("version"));
        ObjectNode badType = document(code);
        ((ObjectNode) badType.withArray("criteria").get(0).withArray("indicators").get(0)).put("direction", "UP");
        as(MINISTRY).body(badType.toString()).post("/api/v1/frameworks").then().statusCode(400)
                .body("violations.field", hasItem("criteria[0].indicators[0].direction"));
        as(MINISTRY).body("").post("/api/v1/frameworks").then().statusCode(400).contentType("application/problem+json");
        assertThat(writes()).isEqualTo(before);
        assertThat(count("framework_version")).isEqualTo(versions);
    }

    @Test
    void onlyTheMinistryWritesAndDraftsAreHiddenFromOtherRoles() throws Exception {
        String code = code();
        as(OFFICER_METRO).body(document(code).toString()).post("/api/v1/frameworks").then().statusCode(403)
                .contentType("application/problem+json");
        as(AUDITOR).body(document(code).toString()).post("/api/v1/frameworks").then().statusCode(403);
        as(MINISTRY).body(document(code).toString()).post("/api/v1/frameworks").then().statusCode(201);
        as(OFFICER_METRO).get("/api/v1/frameworks/{code}/versions/1", code).then().statusCode(404);
        as(AUDITOR).get("/api/v1/frameworks/{code}/versions/1", code).then().statusCode(200);
        as(OFFICER_METRO).get("/api/v1/frameworks?size=100").then().statusCode(200)
                .body("items.code", not(hasItem(code))).body("items.status", not(hasItem("DRAFT")));
        as(MINISTRY).get("/api/v1/frameworks?code={code}", code).then().statusCode(200)
                .body("items.code", equalTo(java.util.List.of(code))).body("total", equalTo(1));
        as(OFFICER_METRO).get("/api/v1/frameworks?status=DRAFT").then().statusCode(403);
        as(MINISTRY).get("/api/v1/frameworks?size=500").then().statusCode(400).body("violations.field", hasItem("size"));
        io.restassured.RestAssured.given().get("/api/v1/frameworks").then().statusCode(401);
    }
}
