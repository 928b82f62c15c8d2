package id.kotacerdas.region;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class RegionReadTest {

    static final String AUDITOR = Tokens.forUser("auditor", "auditor");

    @Test
    void countsMatchTheKemendagriDecree() {
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/counts").then().statusCode(200)
                .body("total", equalTo(552))
                .body("byLevel.PROVINCE", equalTo(38))
                .body("byLevel.KABUPATEN", equalTo(416))
                .body("byLevel.KOTA", equalTo(98))
                .body("byProvince", hasSize(38))
                .body("byProvince.find { it.provinceCode == '18' }.provinceName", equalTo("Lampung"))
                .body("byProvince.find { it.provinceCode == '18' }.kota", equalTo(2));
    }

    @Test
    void regionByCodeCarriesItsFacts() {
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/18.72").then().statusCode(200)
                .body("code", equalTo("18.72"))
                .body("level", equalTo("KOTA"))
                .body("name", equalTo("Kota Metro"))
                .body("parentCode", equalTo("18"))
                .body("provinceName", equalTo("Lampung"))
                .body("administrative", equalTo(false))
                .body("population.total", equalTo(182293))
                .body("centroid.lat", notNullValue())
                .body("codeReplaced", nullValue());
    }

    @Test
    void provincesAreRegionsWithoutParent() {
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/51").then().statusCode(200)
                .body("level", equalTo("PROVINCE"))
                .body("name", equalTo("Bali"))
                .body("parentCode", nullValue());
    }

    @Test
    void replacedPapuaCodeResolvesToItsNewCodeAndSaysSo() {
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/91.01").then().statusCode(200)
                .header("Content-Location", startsWith("http"))
                .header("Content-Location", containsString("/api/v1/regions/93.01"))
                .body("code", equalTo("93.01"))
                .body("name", equalTo("Kabupaten Merauke"))
                .body("parentCode", equalTo("93"))
                .body("codeReplaced.requestedCode", equalTo("91.01"))
                .body("codeReplaced.currentCode", equalTo("93.01"))
                .body("codeReplaced.legalBasis", containsString("UU 14/2022"));
    }

    @ParameterizedTest(name = "q={0} finds {1}")
    @CsvSource({
            "pangkalpinang, 19.71",
            "Pangkal Pinang, 19.71",
            "ksb, 52.07",
            "KSB, 52.07",
            "Kab. Sumbawa Barat, 52.07",
            "kabupaten   sumbawa barat, 52.07",
            "KOTA METRO, 18.72",
            "metro, 18.72",
            "tabanan, 51.02",
            "baubau, 74.72",
            "Palangka Raya, 62.71",
            "Kota Pariaman, 13.77",
            "DKI Jakarta, 31"
    })
    void searchFindsRegionsHoweverTheyAreSpelled(String q, String code) {
        given().auth().oauth2(AUDITOR).queryParam("q", q).get("/api/v1/regions").then().statusCode(200)
                .body("items[0].code", equalTo(code));
    }

    @Test
    void filtersByLevelAndParent() {
        given().auth().oauth2(AUDITOR).queryParam("level", "KOTA").queryParam("provinceCode", "18")
                .get("/api/v1/regions").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.code", contains("18.71", "18.72"));
    }

    @Test
    void theOldParentCodeStillFiltersButSaysItIsDeprecated() {
        given().auth().oauth2(AUDITOR).queryParam("level", "KOTA").queryParam("parentCode", "18")
                .get("/api/v1/regions").then().statusCode(200)
                .header("Deprecation", equalTo("true"))
                .header("Link", containsString("provinceCode=18"))
                .header("Link", containsString("rel=\"successor-version\""))
                .body("total", equalTo(2))
                .body("items.code", contains("18.71", "18.72"));
        given().auth().oauth2(AUDITOR).queryParam("provinceCode", "18").get("/api/v1/regions").then().statusCode(200)
                .header("Deprecation", nullValue());
    }

    @Test
    void filtersJakartasAdministrativeUnits() {
        given().auth().oauth2(AUDITOR).queryParam("administrative", "true").queryParam("size", 100)
                .get("/api/v1/regions").then().statusCode(200)
                .body("total", equalTo(6))
                .body("items.parentCode", everyItem(equalTo("31")));
    }

    @Test
    void sortsAndPages() {
        given().auth().oauth2(AUDITOR).queryParam("level", "PROVINCE").queryParam("sort", "-population")
                .queryParam("size", 3).queryParam("page", 0)
                .get("/api/v1/regions").then().statusCode(200)
                .body("total", equalTo(38))
                .body("totalPages", equalTo(13))
                .body("items", hasSize(3))
                .body("items[0].name", equalTo("Jawa Barat"));
        given().auth().oauth2(AUDITOR).queryParam("level", "PROVINCE").queryParam("page", 20)
                .get("/api/v1/regions").then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(38));
    }

    @Test
    void referenceReadsCarryEtagAndAnswerConditionalRequestsWith304() {
        String etag = given().auth().oauth2(AUDITOR).get("/api/v1/regions/52.07").then().statusCode(200)
                .header("Cache-Control", containsString("max-age=3600"))
                .extract().header("ETag");
        given().auth().oauth2(AUDITOR).header("If-None-Match", etag).get("/api/v1/regions/52.07").then()
                .statusCode(304).header("ETag", equalTo(etag));
        given().auth().oauth2(AUDITOR).header("If-None-Match", etag).get("/api/v1/regions/19.71").then()
                .statusCode(200);
        String listTag = given().auth().oauth2(AUDITOR).queryParam("q", "metro").get("/api/v1/regions").then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(AUDITOR).queryParam("q", "metro").header("If-None-Match", listTag)
                .get("/api/v1/regions").then().statusCode(304);
    }

    @Test
    void everyRoleMayRead() {
        for (String role : new String[] { "ministry-admin", "assessor", "integrator", "auditor" }) {
            given().auth().oauth2(Tokens.forUser("reader-" + role, role)).get("/api/v1/regions/18.72").then()
                    .statusCode(200);
        }
        given().auth().oauth2(Tokens.forRegionOfficer("officer-tabanan", "51.02")).get("/api/v1/regions/18.72")
                .then().statusCode(200);
    }

    @Test
    void anonymousAndBadTokensGet401Problems() {
        given().get("/api/v1/regions/18.72").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-token").get("/api/v1/regions/18.72").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("mallory").roles("auditor").issuer("https://evil.example.com").sign())
                .get("/api/v1/regions/18.72").then().statusCode(401);
    }

    @Test
    void tokenWithoutAKnownRoleIsForbidden() {
        given().auth().oauth2(Tokens.forUser("nobody")).get("/api/v1/regions/18.72").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} → {1} naming {2}")
    @CsvSource({
            "/api/v1/regions/18-72, 400, code",
            "/api/v1/regions/1872, 400, code",
            "/api/v1/regions?size=101, 400, size",
            "/api/v1/regions?size=0, 400, size",
            "/api/v1/regions?page=-1, 400, page",
            "/api/v1/regions?level=DESA, 400, level",
            "/api/v1/regions?administrative=maybe, 400, administrative",
            "/api/v1/regions?sort=shoeSize, 400, sort",
            "/api/v1/regions?provinceCode=1, 400, provinceCode",
            "/api/v1/regions?q=, 400, q",
            "/api/v1/regions?q=%20-%20, 400, q",
            "/api/v1/regions?size=abc, 400, size",
            "/api/v1/regions?page=abc, 400, page",
            "/api/v1/regions?page=10001, 400, page",
            "/api/v1/regions?q=a%00b, 400, q",
            "/api/v1/regions?provinceCode=1%002, 400, provinceCode",
            "/api/v1/regions?sort=name%00, 400, sort",
            "/api/v1/regions?level=K%00OTA, 400, level",
            "/api/v1/regions/18.72/audit-entries?size=abc, 400, size",
            "/api/v1/regions/18.72/audit-entries?page=-1, 400, page",
            "/api/v1/audit/region-service?size=101, 400, size",
            "/api/v1/audit/region-service?page=x, 400, page",
            "/api/v1/audit/region-service?from=yesterday, 400, from",
            "/api/v1/audit/region-service?to=2026-12-01, 400, to",
            "/api/v1/audit/region-service?from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z, 400, to",
            "/api/v1/audit/region-service?actor=a%00b, 400, actor",
            "/api/v1/audit/region-service?resourceType=Region%00Profile, 400, resourceType",
            "/api/v1/audit/region-service/not-a-uuid, 400, entryId"
    })
    void badQueriesGetProblemsNamingTheField(String path, int status, String field) {
        given().auth().oauth2(AUDITOR).urlEncodingEnabled(false).get(path).then().statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("violations.field", hasItem(field))
                .body("instance", notNullValue())
                .body(not500());
    }

    @Test
    void overlongTextParametersAreRefusedNamingTheField() {
        given().auth().oauth2(AUDITOR).queryParam("q", "a".repeat(101)).get("/api/v1/regions").then().statusCode(400)
                .body("violations.field", hasItem("q"));
        given().auth().oauth2(AUDITOR).queryParam("q", "a".repeat(100)).get("/api/v1/regions").then().statusCode(200);
        given().auth().oauth2(AUDITOR).queryParam("sort", "-" + "x".repeat(20)).get("/api/v1/regions").then()
                .statusCode(400).body("violations.field", hasItem("sort"));
        given().auth().oauth2(AUDITOR).queryParam("actor", "a".repeat(256)).get("/api/v1/audit/region-service").then()
                .statusCode(400).body("violations.field", hasItem("actor"));
        given().auth().oauth2(AUDITOR).queryParam("resourceId", "1".repeat(101)).get("/api/v1/audit/region-service")
                .then().statusCode(400).body("violations.field", hasItem("resourceId"));
    }

    @Test
    void typedFiltersAcceptTheirValuesHoweverTheyAreCased() {
        given().auth().oauth2(AUDITOR).queryParam("level", "kota").queryParam("provinceCode", "18")
                .queryParam("administrative", "FALSE").get("/api/v1/regions").then().statusCode(200)
                .body("items.code", contains("18.71", "18.72"));
    }

    @Test
    void unknownCodeIs404Problem() {
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/18.99").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("18.99"));
    }

    @Test
    void unknownPathAndWrongMethodAreProblems() {
        given().auth().oauth2(AUDITOR).get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).delete("/api/v1/regions/18.72").then().statusCode(405)
                .contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).accept("application/xml").get("/api/v1/regions/18.72").then().statusCode(406)
                .contentType("application/problem+json");
    }

    @Test
    void requestIdIsKeptOrGiven() {
        given().auth().oauth2(AUDITOR).header("X-Request-Id", "test-req-42").get("/api/v1/regions/18.72").then()
                .header("X-Request-Id", equalTo("test-req-42"));
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/18.72").then()
                .header("X-Request-Id", notNullValue());
        given().auth().oauth2(AUDITOR).header("X-Request-Id", "req-404").get("/api/v1/regions/18.99").then()
                .body("requestId", equalTo("req-404"));
    }

    private static org.hamcrest.Matcher<?> not500() {
        return org.hamcrest.Matchers.not(containsString("Exception"));
    }
}
