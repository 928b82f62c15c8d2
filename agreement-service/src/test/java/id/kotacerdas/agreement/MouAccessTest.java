package id.kotacerdas.agreement;

import static id.kotacerdas.agreement.Api.AUDITOR;
import static id.kotacerdas.agreement.Api.INTEGRATOR;
import static id.kotacerdas.agreement.Api.MINISTRY;
import static id.kotacerdas.agreement.Api.OFFICER_METRO;
import static id.kotacerdas.agreement.Api.OFFICER_TABANAN;
import static id.kotacerdas.agreement.Api.etag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may read and change which MoU: roles, the officer's own region, the integrator's signed MoUs. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class MouAccessTest {

    static final String LOCAL_SIDE = """
            {"localVenue":"Ruang rapat","secondPartySignatory":{"name":"Nama","position":"Sekretaris Daerah"}}""";

    @BeforeEach
    void registry() {
        Api.registry();
    }

    @Test
    void officerMetroCannotTouchTabanansMouAndNothingIsWritten() throws Exception {
        JsonPath tabanan = Api.draft("51.02", Api.freshYear(), null);
        String id = tabanan.getString("id");
        List<Long> before = Api.writes();
        String row = Api.mouRow(id);
        given().auth().oauth2(OFFICER_METRO).header("If-Match", etag(tabanan)).contentType(ContentType.JSON).body(LOCAL_SIDE)
                .put("/api/v1/mous/{id}/local-side", id).then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("51.02")).body("detail", containsString("18.72"));
        // not even an invalid body gets further than the 403, nor a missing If-Match
        given().auth().oauth2(OFFICER_METRO).contentType(ContentType.JSON).body("{\"localVenue\":\"\"}")
                .put("/api/v1/mous/{id}/local-side", id).then().statusCode(403);
        given().auth().oauth2(OFFICER_METRO).header("If-Match", etag(tabanan)).contentType(ContentType.JSON)
                .body("{\"title\":\"x\"}").put("/api/v1/mous/{id}/terms", id).then().statusCode(403);
        given().auth().oauth2(OFFICER_METRO).header("If-Match", etag(tabanan)).contentType(ContentType.JSON)
                .body("{\"plannedOn\":\"2030-01-01\"}").post("/api/v1/mous/{id}/scheduling", id).then().statusCode(403);
        given().auth().oauth2(OFFICER_METRO).get("/api/v1/mous/{id}", id).then().statusCode(403);
        given().auth().oauth2(OFFICER_METRO).queryParam("regionCode", "51.02").get("/api/v1/mous").then().statusCode(403);
        assertThat(Api.writes()).isEqualTo(before);
        assertThat(Api.mouRow(id)).isEqualTo(row);

        // Tabanan's own officer may fill in Tabanan's side, but not the ministry's terms
        given().auth().oauth2(OFFICER_TABANAN).header("If-Match", etag(tabanan)).contentType(ContentType.JSON).body(LOCAL_SIDE)
                .put("/api/v1/mous/{id}/local-side", id).then().statusCode(200)
                .body("localVenue", equalTo("Ruang rapat")).body("updatedBy", equalTo("officer-tabanan"));
        given().auth().oauth2(OFFICER_TABANAN).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"title\":\"x\"}").put("/api/v1/mous/{id}/terms", id).then().statusCode(403);
        given().auth().oauth2(AUDITOR).queryParam("resourceId", id).get("/api/v1/audit/agreement-service").then()
                .statusCode(200).body("items[0].action", equalTo("MOU_LOCAL_SIDE_UPDATED"))
                .body("items[0].actor.username", equalTo("officer-tabanan"))
                .body("items[0].after.content.localVenue", equalTo("Ruang rapat"));
    }

    @Test
    void anOfficerListsOnlyTheirOwnRegionsMous() {
        int year = Api.freshYear();
        Api.draft("18.72", year, null);
        Api.draft("51.02", year, null);
        given().auth().oauth2(OFFICER_METRO).queryParam("programmeYear", year).get("/api/v1/mous").then().statusCode(200)
                .body("total", equalTo(1)).body("items.regionCode", everyItem(equalTo("18.72")));
        given().auth().oauth2(OFFICER_METRO).queryParam("programmeYear", year).get("/api/v1/mous/counts").then()
                .statusCode(200).body("total", equalTo(1)).body("byState.DRAFT", equalTo(1));
        given().auth().oauth2(MINISTRY).queryParam("programmeYear", year).get("/api/v1/mous").then()
                .body("total", equalTo(2));
        given().auth().oauth2(MINISTRY).queryParam("programmeYear", year).queryParam("provinceCode", "51")
                .get("/api/v1/mous").then().body("total", equalTo(1)).body("items[0].regionCode", equalTo("51.02"));
    }

    @Test
    void anIntegratorReadsOnlySignedMous() {
        int year = Api.freshYear();
        JsonPath draft = Api.draft("35.01", year, null);
        JsonPath signed = Api.scheduledAndComplete("35.02", year);
        signed = given().auth().oauth2(MINISTRY).header("If-Match", etag(signed)).contentType(ContentType.JSON)
                .body("{\"signedOn\":\"2025-01-15\"}").post("/api/v1/mous/{id}/signing", signed.getString("id")).then()
                .statusCode(200).extract().jsonPath();
        given().auth().oauth2(INTEGRATOR).get("/api/v1/mous/{id}", draft.getString("id")).then().statusCode(404);
        given().auth().oauth2(INTEGRATOR).get("/api/v1/mous/{id}", signed.getString("id")).then().statusCode(200)
                .body("state", equalTo("SIGNED"));
        given().auth().oauth2(INTEGRATOR).queryParam("programmeYear", year).get("/api/v1/mous").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].regionCode", equalTo("35.02"));
        given().auth().oauth2(INTEGRATOR).queryParam("programmeYear", year).get("/api/v1/mous/counts").then()
                .body("total", equalTo(1)).body("byState", not(org.hamcrest.Matchers.hasKey("DRAFT")));
        given().auth().oauth2(INTEGRATOR).contentType(ContentType.JSON).body("{\"regionCode\":\"35.03\",\"programmeYear\":2031}")
                .post("/api/v1/mous").then().statusCode(403);
        given().auth().oauth2(INTEGRATOR).get("/api/v1/local-commitments").then().statusCode(403);
    }

    @Test
    void anAuditorReadsEverythingAndChangesNothing() throws Exception {
        JsonPath mou = Api.draft("35.04", Api.freshYear(), null);
        List<Long> before = Api.writes();
        given().auth().oauth2(AUDITOR).get("/api/v1/mous/{id}", mou.getString("id")).then().statusCode(200);
        given().auth().oauth2(AUDITOR).header("If-Match", etag(mou)).contentType(ContentType.JSON).body(LOCAL_SIDE)
                .put("/api/v1/mous/{id}/local-side", mou.getString("id")).then().statusCode(403);
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).body("{\"regionCode\":\"35.05\",\"programmeYear\":2031}")
                .post("/api/v1/mous").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).get("/api/v1/mou-ceremonies").then().statusCode(200);
        given().auth().oauth2(AUDITOR).get("/api/v1/audit/agreement-service").then().statusCode(200)
                .body("items.action", hasItem("MOU_DRAFTED"));
        given().auth().oauth2(OFFICER_METRO).get("/api/v1/audit/agreement-service").then().statusCode(403);
        given().get("/api/v1/mous").then().statusCode(401).contentType("application/problem+json");
        assertThat(Api.writes()).isEqualTo(before);
    }
}
