package id.kotacerdas.masterplan;

import static id.kotacerdas.masterplan.TestSupport.ASSESSOR;
import static id.kotacerdas.masterplan.TestSupport.AUDITOR;
import static id.kotacerdas.masterplan.TestSupport.MINISTRY;
import static id.kotacerdas.masterplan.TestSupport.OFFICER_KSB;
import static id.kotacerdas.masterplan.TestSupport.OFFICER_METRO;
import static id.kotacerdas.masterplan.TestSupport.document;
import static id.kotacerdas.masterplan.TestSupport.etag;
import static id.kotacerdas.masterplan.TestSupport.putDocument;
import static id.kotacerdas.masterplan.TestSupport.writesOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may do what: region officers their own region only, assessors the bimtek and the review, auditors read. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "masterplan"))
@WithTestResource(OidcWiremockTestResource.class)
class MasterplanAccessTest {

    @BeforeEach
    void registry() {
        TestSupport.registryReady();
    }

    @Test
    void officerMetroCannotEditKsbsPlanAndNothingIsWritten() throws Exception {
        String id = TestSupport.open("52.07", TestSupport.freshYear());
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                .body("{\"stage\":1,\"startDate\":\"2022-06-14\",\"endDate\":\"2022-06-15\",\"mode\":\"OFFLINE\",\"guides\":[\"Fitrah Rahmat Kausar\"]}")
                .post("/api/v1/masterplans/{id}/bimtek-stages", id).then().statusCode(201);
        String tag = etag(id);
        String before = writesOf(id);

        putDocument(OFFICER_METRO, id, tag, document(2023, 2032, 3)).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("18.72"))
                .body("detail", containsString("52.07"));
        // an invalid document from the wrong officer is still a 403: the caller is checked before the content
        putDocument(OFFICER_METRO, id, tag, "{\"vision\": \"\", \"quickWins\": [{\"title\": \"\"}]}").then().statusCode(403);
        given().auth().oauth2(OFFICER_METRO).post("/api/v1/masterplans/{id}/submissions", id).then().statusCode(403);
        given().auth().oauth2(OFFICER_METRO).contentType(ContentType.JSON).body(KsbMasterplanTest.perbup())
                .post("/api/v1/masterplans/{id}/ratification", id).then().statusCode(403);
        String stageTag = given().auth().oauth2(OFFICER_METRO).get("/api/v1/masterplans/{id}/bimtek-stages/1", id).then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(OFFICER_METRO).header("If-Match", stageTag).contentType(ContentType.JSON)
                .body("{\"opds\":[\"Dinas Kominfo Kota Metro\"]}")
                .put("/api/v1/masterplans/{id}/bimtek-stages/1/attendance", id).then().statusCode(403);
        assertThat(writesOf(id)).isEqualTo(before);

        putDocument(OFFICER_KSB, id, tag, document(2023, 2032, 3)).then().statusCode(200).body("updatedBy", equalTo("officer-ksb"));
    }

    @Test
    void rolesDecideWhoOpensReviewsAndHoldsStages() throws Exception {
        String id = TestSupport.open("52.07", TestSupport.freshYear());
        String before = writesOf(id);
        given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"52.07\",\"programmeYear\":2099,\"kind\":\"SELF_MADE\",\"title\":\"Sendiri\"}")
                .post("/api/v1/masterplans").then().statusCode(403).contentType("application/problem+json");
        putDocument(ASSESSOR, id, etag(id), document(2023, 2032, 3)).then().statusCode(403);
        given().auth().oauth2(OFFICER_KSB).post("/api/v1/masterplans/{id}/review", id).then().statusCode(403);
        given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON).body("{\"comments\":[]}")
                .post("/api/v1/masterplans/{id}/approval", id).then().statusCode(403);
        given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON)
                .body("{\"stage\":1,\"startDate\":\"2022-06-14\",\"endDate\":\"2022-06-15\",\"mode\":\"OFFLINE\",\"guides\":[\"X\"]}")
                .post("/api/v1/masterplans/{id}/bimtek-stages", id).then().statusCode(403);
        putDocument(AUDITOR, id, etag(id), document(2023, 2032, 3)).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{}").put("/api/v1/masterplans/{id}/document", id).then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(writesOf(id)).isEqualTo(before);

        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().statusCode(200);
        given().auth().oauth2(OFFICER_METRO).get("/api/v1/masterplans/{id}", id).then().statusCode(200);
        given().auth().oauth2(AUDITOR).get("/api/v1/audit/masterplan-service").then().statusCode(200);
        given().auth().oauth2(OFFICER_KSB).get("/api/v1/audit/masterplan-service").then().statusCode(403);
        given().auth().oauth2(MINISTRY).get("/api/v1/audit/masterplan-service?resourceId=" + id).then().statusCode(200)
                .body("items[0].action", equalTo("MASTERPLAN_OPENED"));
    }
}
