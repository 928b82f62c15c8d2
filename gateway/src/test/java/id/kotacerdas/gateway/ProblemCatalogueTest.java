package id.kotacerdas.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The problem types are explained by the gateway, without a token: as JSON for programs, as HTML for people. */
@QuarkusTest
@WithTestResource(FakeUpstreams.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProblemCatalogueTest {

    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void theListIsJsonWithEveryTypeItsUriAndWhereItIsExplained() {
        List<String> slugs = given().accept("application/json").get("/problems").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "public, max-age=3600")
                .header("Vary", "Accept")
                .header("ETag", startsWith("\""))
                .body("base", equalTo("https://kotacerdas.id/problems/"))
                .body("problems.find { it.slug == 'validation' }.type", equalTo("https://kotacerdas.id/problems/validation"))
                .body("problems.find { it.slug == 'validation' }.href", equalTo("/problems/validation"))
                .body("problems.find { it.slug == 'validation' }.status", equalTo(List.of(400)))
                .extract().jsonPath().getList("problems.slug");
        assertThat(slugs).contains("validation", "not-found", "illegal-transition", "conflict",
                "too-many-requests", "gateway-timeout").doesNotHaveDuplicates();
        // without Accept, or with */*: JSON too
        given().get("/problems").then().statusCode(200).contentType(startsWith("application/json"));
        given().accept("*/*").get("/problems").then().statusCode(200).contentType(startsWith("application/json"));
    }

    @Test
    void oneTypeAsJsonSaysWhatItMeansWhatToDoWhoEmitsItAndWhatItIsTheSameKindAs() {
        given().accept("application/json").get("/problems/illegal-transition").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("Cache-Control", "public, max-age=3600")
                .body("slug", equalTo("illegal-transition"))
                .body("type", equalTo("https://kotacerdas.id/problems/illegal-transition"))
                .body("title", equalTo("Illegal state transition"))
                .body("status", equalTo(List.of(409)))
                .body("meaning", not(emptyString()))
                .body("clientAction", not(emptyString()))
                .body("emittedBy", hasItems("assessment-service", "agreement-service", "masterplan-service"))
                .body("sameKindAs", hasItems("conflict", "content-not-recorded"));
        // one type per kind of failure: assessment-service's former `state-conflict` is `illegal-transition` now
        given().accept("application/json").get("/problems/state-conflict").then().statusCode(404);
        given().accept("application/json").get("/problems/content-not-recorded").then().statusCode(200)
                .body("sameKindAs", hasItem("illegal-transition"));
    }

    @Test
    void aBrowserGetsReadablePages() {
        given().accept(BROWSER).get("/problems").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "public, max-age=3600")
                .body(containsString("<!DOCTYPE html>"))
                .body(containsString("<a href=\"/problems/stale-version\"><code>stale-version</code></a>"));
        given().accept(BROWSER).get("/problems/stale-version").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("<h1>Precondition failed</h1>"))
                .body(containsString("https://kotacerdas.id/problems/stale-version"))
                .body(containsString("If-Match"));
        given().accept(BROWSER).get("/problems/content-not-recorded").then().statusCode(200)
                .body(containsString("<a href=\"/problems/illegal-transition\"><code>illegal-transition</code></a>"));
        given().get("/problems/validation?format=html").then().statusCode(200).contentType(startsWith("text/html"));
        given().accept(BROWSER).get("/problems/validation?format=json").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }

    @Test
    void acceptDecidesByQualityAndAnExactTypeBeatsAWildcard() {
        given().accept("text/html;q=0.5, application/json").get("/problems").then().contentType(startsWith("application/json"));
        given().accept("application/json;q=0.5, text/html").get("/problems").then().contentType(startsWith("text/html"));
        given().accept("text/html, */*").get("/problems").then().contentType(startsWith("text/html"));
        given().accept("text/html;q=0, */*").get("/problems").then().contentType(startsWith("application/json"));
        given().accept("application/problem+json").get("/problems/conflict").then().contentType(startsWith("application/json"));
        given().accept("application/xml").get("/problems").then().statusCode(406)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/not-acceptable"));
    }

    @Test
    void anUnknownTypeIsA404Problem() {
        given().accept("application/json").get("/problems/no-such-type").then().statusCode(404)
                .contentType("application/problem+json")
                .header("Cache-Control", "no-store")
                .body("type", equalTo("https://kotacerdas.id/problems/not-found"))
                .body("detail", containsString("no-such-type"));
        given().accept(BROWSER).get("/problems/no-such-type").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void noTokenIsNeededAndABadOneIsNotLookedAt() {
        given().get("/problems/unauthorized").then().statusCode(200);
        given().header("Authorization", "Bearer not-a-token").get("/problems").then().statusCode(200);
        // the API next to it still wants one
        given().get("/api/v1/things/1").then().statusCode(401);
    }

    @Test
    void aCachedCopyIsRevalidatedByItsEtagPerRepresentation() {
        String json = given().accept("application/json").get("/problems/conflict").then().statusCode(200)
                .extract().header("ETag");
        String html = given().accept("text/html").get("/problems/conflict").then().statusCode(200)
                .extract().header("ETag");
        assertThat(json).isNotEqualTo(html);
        given().accept("application/json").header("If-None-Match", json).get("/problems/conflict").then().statusCode(304)
                .header("ETag", json).header("Cache-Control", "public, max-age=3600");
        given().accept("text/html").header("If-None-Match", json).get("/problems/conflict").then().statusCode(200);
        given().accept("application/json").head("/problems").then().statusCode(200)
                .contentType(startsWith("application/json"));
    }
}
