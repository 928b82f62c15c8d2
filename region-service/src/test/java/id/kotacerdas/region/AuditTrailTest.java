package id.kotacerdas.region;

import static id.kotacerdas.region.RegionProfileTest.AUDITOR;
import static id.kotacerdas.region.RegionProfileTest.MINISTRY;
import static id.kotacerdas.region.RegionProfileTest.OFFICER_METRO;
import static id.kotacerdas.region.RegionProfileTest.ensureProfile;
import static id.kotacerdas.region.RegionProfileTest.profile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** region-service's audit trail, read the way every service offers its own (platform {@code AuditEntriesResource}). */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class AuditTrailTest {

    static final String AUDIT = "/api/v1/audit/region-service";

    /** Changes a region's profile as the given caller; returns the new website. */
    static String change(String token, String code) {
        String etag = ensureProfile(code);
        String website = "https://audit-" + UUID.randomUUID() + ".go.id";
        given().auth().oauth2(token).header("If-Match", etag).contentType(ContentType.JSON).body(profile(website))
                .put("/api/v1/regions/{code}/profile", code).then().statusCode(200);
        return website;
    }

    @Test
    void auditorReadsTheServicesEntriesNewestFirstAndEachOneByItsId() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        String first = change(MINISTRY, "13.77");
        String second = change(MINISTRY, "13.77");

        JsonPath page = given().auth().oauth2(AUDITOR).queryParam("resourceId", "13.77")
                .queryParam("resourceType", "RegionProfile").queryParam("from", before.toString())
                .get(AUDIT).then().statusCode(200)
                .body("items.resourceId", everyItem(equalTo("13.77")))
                .body("items.resourceType", everyItem(equalTo("RegionProfile")))
                .extract().jsonPath();
        assertThat(page.getString("items[0].after.website")).isEqualTo(second);
        assertThat(page.getString("items[1].after.website")).isEqualTo(first);
        assertThat(page.getString("items[0].before.website")).isEqualTo(first);
        assertThat(page.getList("items.occurredAt", String.class))
                .isSortedAccordingTo((a, b) -> OffsetDateTime.parse(b).compareTo(OffsetDateTime.parse(a)));
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(2);

        String id = page.getString("items[0].id");
        given().auth().oauth2(AUDITOR).get(AUDIT + "/{id}", id).then().statusCode(200)
                .body("id", equalTo(id))
                .body("action", equalTo("REGION_PROFILE_UPDATED"))
                .body("actor.username", equalTo("ministry"))
                .body("after.website", equalTo(second));
        // the region's own view of the same trail
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/13.77/audit-entries").then().statusCode(200)
                .body("items[0].id", equalTo(id));
    }

    @Test
    void filtersByActorAndTime() {
        String website = change(OFFICER_METRO, "18.72");
        given().auth().oauth2(MINISTRY).queryParam("actor", "officer-metro").get(AUDIT).then().statusCode(200)
                .body("items.actor.username", everyItem(equalTo("officer-metro")))
                .body("items.after.website", hasItem(website));
        OffsetDateTime future = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1);
        given().auth().oauth2(MINISTRY).queryParam("from", future.toString()).get(AUDIT).then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(MINISTRY).queryParam("to", "2000-01-01T00:00:00Z").get(AUDIT).then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(MINISTRY).queryParam("actor", "nobody-" + UUID.randomUUID()).get(AUDIT).then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void pagesHaveTheAskedSize() {
        change(MINISTRY, "18.71");
        change(MINISTRY, "18.71");
        given().auth().oauth2(AUDITOR).queryParam("size", 1).queryParam("page", 1).get(AUDIT).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("page", equalTo(1))
                .body("size", equalTo(1));
    }

    @Test
    void onlyAuditorsAndTheMinistryMayReadIt() {
        String id = given().auth().oauth2(AUDITOR).queryParam("size", 1).get(AUDIT).then().statusCode(200)
                .extract().jsonPath().getString("items[0].id");
        for (String token : List.of(OFFICER_METRO, Tokens.forUser("assessor", "assessor"),
                Tokens.forUser("integrator", "integrator"))) {
            given().auth().oauth2(token).get(AUDIT).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(token).get(AUDIT + "/{id}", id == null ? UUID.randomUUID() : id).then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().get(AUDIT).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anUnknownEntryIs404Problem() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(AUDITOR).get(AUDIT + "/{id}", unknown).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString(unknown.toString()));
    }

    @Test
    void auditOperationsAreNamedAfterTheService() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/audit/region-service'.get.operationId", equalTo("listRegionServiceAuditEntries"))
                .body("paths.'/api/v1/audit/region-service/{entryId}'.get.operationId", equalTo("getRegionServiceAuditEntry"))
                .body("paths.'/api/v1/audit/region-service'.get.tags", hasItem("Audit"));
    }
}
