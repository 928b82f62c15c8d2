package id.kotacerdas.agreement;

import static id.kotacerdas.agreement.Api.MINISTRY;
import static id.kotacerdas.agreement.Api.etag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

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

/** The ministry's batch operations: a cohort into one ceremony, all or nothing; the ceremony held signs what is complete. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class CeremonyBatchTest {

    @BeforeEach
    void registry() {
        Api.registry();
    }

    @Test
    void aHeldCeremonySignsTheCompleteMousAndReportsWhatTheOthersLack() throws Exception {
        int year = Api.freshYear();
        JsonPath ceremony = Api.ceremony(year, "2025-02-28", "VIRTUAL");
        String ceremonyId = ceremony.getString("id");
        // drafted and scheduled long ago (issue 18: a ceremony of 2025 signs only what was drafted and scheduled by then)
        JsonPath complete = Api.draft("36.01", year, """
                {"validityYears":2,"firstPartySignatory":{"name":"Penandatangan","position":"Direktur Jenderal Aplikasi Informatika"}}""",
                Api.LONG_AGO);
        complete = given().auth().oauth2(MINISTRY).header("If-Match", etag(complete)).contentType(ContentType.JSON).body("""
                {"localVenue":"Command Center","localMode":"VIRTUAL","secondPartySignatory":{"name":"Nama","position":"Bupati"}}""")
                .put("/api/v1/mous/{id}/local-side", complete.getString("id")).then().statusCode(200).extract().jsonPath();
        JsonPath incomplete = Api.draft("36.02", year, null, Api.LONG_AGO);
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"mouIds\":[\"" + complete.getString("id") + "\",\"" + incomplete.getString("id") + "\"],"
                        + "\"occurred\":" + Api.LONG_AGO + "}")
                .post("/api/v1/mou-ceremonies/{id}/mous", ceremonyId).then().statusCode(200)
                .body("scheduled", hasSize(2));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(ceremony)).contentType(ContentType.JSON)
                // the old path (until issue 25) still holds it, and says where it moved
                .body("{\"heldOn\":\"2025-02-28\"}").post("/api/v1/mou-ceremonies/{id}/held", ceremonyId).then()
                .statusCode(200).header("Deprecation", equalTo("true"))
                .header("Link", equalTo("</api/v1/mou-ceremonies/" + ceremonyId + "/holding>; rel=\"successor-version\""))
                .body("signed.regionCode", containsInAnyOrder("36.01"))
                .body("notSigned[0].mou.regionCode", equalTo("36.02"))
                .body("notSigned[0].mou.state", equalTo("SCHEDULED"))
                .body("notSigned[0].missing.field", hasItem("localVenue"))
                .body("notSigned[0].missing.field", hasItem("validityYears"));
        Api.get(MINISTRY, complete.getString("id")).then().body("state", equalTo("SIGNED"))
                .body("signedOn", equalTo("2025-02-28")).body("validity.until", equalTo("2027-02-27"));

        // once held, it cannot be held again nor take more MoUs
        JsonPath held = given().auth().oauth2(MINISTRY).get("/api/v1/mou-ceremonies/{id}", ceremonyId).then()
                .statusCode(200).body("state", equalTo("HELD")).extract().jsonPath();
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).header("If-Match", etag(held)).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"2025-02-28\"}").post("/api/v1/mou-ceremonies/{id}/holding", ceremonyId).then()
                .statusCode(409).body("violations[0].field", equalTo("state")).body("violations[0].message", equalTo("is HELD"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body("{\"allDrafts\":true}")
                .post("/api/v1/mou-ceremonies/{id}/mous", ceremonyId).then().statusCode(409);
        JsonPath scheduled = Api.get(MINISTRY, incomplete.getString("id")).then().extract().jsonPath();
        given().auth().oauth2(MINISTRY).header("If-Match", etag(scheduled)).contentType(ContentType.JSON)
                .body("{\"ceremonyId\":\"" + ceremonyId + "\"}").post("/api/v1/mous/{id}/scheduling", incomplete.getString("id"))
                .then().statusCode(409);
        assertThat(Api.writes()).isEqualTo(before);
    }

    @Test
    void aCohortWithASignedMouIsNotScheduledAtAll() throws Exception {
        int year = Api.freshYear();
        JsonPath ceremony = Api.ceremony(year, "2025-03-01", "HYBRID");
        JsonPath signed = Api.scheduledAndComplete("36.03", year);
        signed = given().auth().oauth2(MINISTRY).header("If-Match", etag(signed)).contentType(ContentType.JSON)
                .body("{\"signedOn\":\"2025-01-15\"}").post("/api/v1/mous/{id}/signing", signed.getString("id"))
                .then().statusCode(200).extract().jsonPath();
        JsonPath draft = Api.draft("36.04", year, null);
        String draftRow = Api.mouRow(draft.getString("id"));
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"mouIds\":[\"" + draft.getString("id") + "\",\"" + signed.getString("id") + "\"]}")
                .post("/api/v1/mou-ceremonies/{id}/mous", ceremony.getString("id")).then().statusCode(409)
                .body("violations[0].field", equalTo("mouIds[1]")).body("violations[0].message", equalTo("is SIGNED"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body("{\"mouIds\":[\"" + draft.getString("id") + "\"],\"allDrafts\":true}")
                .post("/api/v1/mou-ceremonies/{id}/mous", ceremony.getString("id")).then().statusCode(400);
        JsonPath otherYear = Api.draft("36.71", Api.freshYear(), null);
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body("{\"mouIds\":[\"" + otherYear.getString("id") + "\"]}")
                .post("/api/v1/mou-ceremonies/{id}/mous", ceremony.getString("id")).then().statusCode(422)
                .body("violations.field", hasItem("mouIds[0]"));
        assertThat(Api.writes().subList(0, 4)).isEqualTo(List.of(before.get(0) + 1, before.get(1), before.get(2), before.get(3)));
        assertThat(Api.mouRow(draft.getString("id"))).isEqualTo(draftRow);
        given().auth().oauth2(Api.OFFICER_METRO).contentType(ContentType.JSON).body("{\"allDrafts\":true}")
                .post("/api/v1/mou-ceremonies/{id}/mous", ceremony.getString("id")).then().statusCode(403);
    }

    @Test
    void aCeremonyCannotBeHeldInTheFutureAndItsYearDoesNotChange() throws Exception {
        int year = Api.freshYear();
        JsonPath ceremony = Api.ceremony(year, "2031-02-28", "VIRTUAL");
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).header("If-Match", etag(ceremony)).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"2999-01-01\"}").post("/api/v1/mou-ceremonies/{id}/holding", ceremony.getString("id"))
                .then().statusCode(400).body("violations.field", hasItem("heldOn"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(ceremony)).contentType(ContentType.JSON).body("""
                {"programmeYear":%d,"title":"t","plannedOn":"2031-02-28","host":"h","mode":"VIRTUAL"}""".formatted(year + 1))
                .put("/api/v1/mou-ceremonies/{id}", ceremony.getString("id")).then().statusCode(422)
                .body("violations.field", hasItem("programmeYear"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body("{\"programmeYear\":2031,\"title\":\"\",\"mode\":\"ZOOM\"}")
                .post("/api/v1/mou-ceremonies").then().statusCode(400).body("violations.field", hasItem("mode"));
        assertThat(Api.writes()).isEqualTo(before);
        given().auth().oauth2(MINISTRY).header("If-Match", etag(ceremony)).contentType(ContentType.JSON).body("""
                {"programmeYear":%d,"title":"Penandatanganan","plannedOn":"2031-03-01","host":"Ditjen Aptika","mode":"HYBRID","venue":"Jakarta"}"""
                .formatted(year)).put("/api/v1/mou-ceremonies/{id}", ceremony.getString("id")).then().statusCode(200)
                .body("plannedOn", equalTo("2031-03-01")).body("mode", equalTo("HYBRID")).body("version", equalTo(1));
        given().auth().oauth2(Api.INTEGRATOR).queryParam("programmeYear", year).get("/api/v1/mou-ceremonies").then()
                .statusCode(200).body("total", equalTo(1));
        // newest planned date first unless sort says otherwise
        String earlier = Api.ceremony(year, "2031-01-15", "VIRTUAL").getString("id");
        given().auth().oauth2(Api.INTEGRATOR).queryParam("programmeYear", year).get("/api/v1/mou-ceremonies").then()
                .statusCode(200).body("items.id", equalTo(List.of(ceremony.getString("id"), earlier)));
        given().auth().oauth2(Api.INTEGRATOR).queryParam("programmeYear", year).queryParam("sort", "plannedOn")
                .get("/api/v1/mou-ceremonies").then().statusCode(200)
                .body("items.id", equalTo(List.of(earlier, ceremony.getString("id"))));
        given().auth().oauth2(Api.INTEGRATOR).queryParam("sort", "-host").get("/api/v1/mou-ceremonies").then()
                .statusCode(400).body("violations.field", hasItem("sort"));
    }
}
