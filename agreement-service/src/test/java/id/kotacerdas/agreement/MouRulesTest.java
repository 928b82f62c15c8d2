package id.kotacerdas.agreement;

import static id.kotacerdas.agreement.Api.MINISTRY;
import static id.kotacerdas.agreement.Api.etag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is a problem+json naming what is wrong, and a refused write changes nothing. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class MouRulesTest {

    static final LocalDate TOMORROW = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1);

    @BeforeEach
    void registry() {
        Api.registry();
    }

    @Test
    void anUnknownRegionIsRefusedNamingRegionCodeAndNothingIsWritten() throws Exception {
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"18.99\",\"programmeYear\":" + Api.freshYear() + "}")
                .post("/api/v1/mous").then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("regionCode")).body("detail", containsString("18.99"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"18-72\",\"programmeYear\":" + Api.freshYear() + "}")
                .post("/api/v1/mous").then().statusCode(400).body("violations.field", hasItem("regionCode"));
        assertThat(Api.writes()).isEqualTo(before);
    }

    @Test
    void aSecondMouForTheSameRegionAndYearIsAConflictNamingTheYearAndNothingIsWritten() throws Exception {
        int year = Api.freshYear();
        String first = Api.draft("18.71", year, null).getString("id");
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"18.71\",\"programmeYear\":" + year + "}")
                .post("/api/v1/mous").then().statusCode(409).contentType("application/problem+json")
                .body("violations.field", hasItem("programmeYear")).body("detail", containsString(first));
        assertThat(Api.writes()).isEqualTo(before);
        // another year is another MoU
        Api.draft("18.71", Api.freshYear(), null);
    }

    @Test
    void signingBeforeSchedulingIsAConflictNamingTheStateAndNothingIsWritten() throws Exception {
        JsonPath mou = Api.draft("18.01", Api.freshYear(), null);
        String id = mou.getString("id");
        List<Long> before = Api.writes();
        String row = Api.mouRow(id);
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"signedOn\":\"2024-01-10\",\"validityYears\":3}")
                .post("/api/v1/mous/{id}/signing", id).then().statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/illegal-transition"))
                .body("violations[0].field", equalTo("state")).body("violations[0].message", equalTo("is DRAFT"))
                .body("detail", containsString("schedule it first"));
        assertThat(Api.writes()).isEqualTo(before);
        assertThat(Api.mouRow(id)).isEqualTo(row);
    }

    @Test
    void aSignatoryWithoutANameIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        JsonPath mou = Api.draft("18.02", Api.freshYear(), null);
        String id = mou.getString("id");
        List<Long> before = Api.writes();
        String row = Api.mouRow(id);
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"localVenue\":\"Ruang rapat\",\"secondPartySignatory\":{\"position\":\"Sekretaris Daerah\"}}")
                .put("/api/v1/mous/{id}/local-side", id).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("secondPartySignatory.name"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"firstPartySignatory\":{\"name\":\"\",\"position\":\"Direktur Jenderal Aplikasi Informatika\"}}")
                .put("/api/v1/mous/{id}/terms", id).then().statusCode(400)
                .body("violations.field", hasItem("firstPartySignatory.name"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body("{\"regionCode\":\"18.03\",\"programmeYear\":"
                + Api.freshYear() + ",\"terms\":{\"firstPartySignatory\":{\"position\":\"Direktur Jenderal\"}}}")
                .post("/api/v1/mous").then().statusCode(400).body("violations.field", hasItem("firstPartySignatory.name"));
        assertThat(Api.writes()).isEqualTo(before);
        assertThat(Api.mouRow(id)).isEqualTo(row);
    }

    @Test
    void aSigningDateInTheFutureAndAnExpiryBeforeTheSigningAreRefusedAndNothingIsWritten() throws Exception {
        JsonPath mou = Api.scheduledAndComplete("18.04", Api.freshYear());
        String id = mou.getString("id");
        List<Long> before = Api.writes();
        String row = Api.mouRow(id);
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"signedOn\":\"" + TOMORROW + "\"}")
                .post("/api/v1/mous/{id}/signing", id).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("signedOn")).body("detail", containsString("future"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"signedOn\":\"2024-05-02\",\"validUntil\":\"2024-05-01\"}")
                .post("/api/v1/mous/{id}/signing", id).then().statusCode(400)
                .body("violations.field", hasItem("validUntil"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"signedOn\":\"2024-05-02\",\"validUntil\":\"2024-05-02\"}")
                .post("/api/v1/mous/{id}/signing", id).then().statusCode(400)
                .body("violations.field", hasItem("validUntil"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"validityYears\":3}")
                .post("/api/v1/mous/{id}/signing", id).then().statusCode(400)
                .body("violations.field", hasItem("signedOn"));
        assertThat(Api.writes()).isEqualTo(before);
        assertThat(Api.mouRow(id)).isEqualTo(row);
    }

    @Test
    void anIncompleteRecordCannotBeSignedAndSaysWhatItLacks() throws Exception {
        int year = Api.freshYear();
        // drafted and scheduled long ago: a signing of 2024 is in order with them (issue 18)
        JsonPath mou = Api.draft("18.05", year, null, Api.LONG_AGO);
        String id = mou.getString("id");
        assertThat(mou.getList("missingForSigning", String.class))
                .containsExactly("localVenue", "firstPartySignatory", "secondPartySignatory");
        mou = given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"plannedOn\":\"" + year + "-02-01\",\"occurred\":" + Api.LONG_AGO + "}")
                .post("/api/v1/mous/{id}/scheduling", id).then()
                .statusCode(200).extract().jsonPath();
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"signedOn\":\"2024-01-10\",\"validityYears\":3}")
                .post("/api/v1/mous/{id}/signing", id).then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("localVenue"))
                .body("violations.field", hasItem("firstPartySignatory"))
                .body("violations.field", hasItem("secondPartySignatory"));
        assertThat(Api.writes()).isEqualTo(before);
    }

    @Test
    void aMissingOrStaleIfMatchIsRefusedAndNothingIsOverwritten() throws Exception {
        JsonPath mou = Api.draft("18.06", Api.freshYear(), null);
        String id = mou.getString("id");
        JsonPath changed = given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"title\":\"Nota Kesepakatan Pertama\"}").put("/api/v1/mous/{id}/terms", id).then()
                .statusCode(200).body("title", equalTo("Nota Kesepakatan Pertama")).extract().jsonPath();
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"title\":\"Overwritten\"}").put("/api/v1/mous/{id}/terms", id).then().statusCode(412)
                .body("violations.field", hasItem("If-Match"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"title\":\"Overwritten\"}").put("/api/v1/mous/{id}/terms", id).then().statusCode(428)
                .body("violations.field", hasItem("If-Match"));
        given().auth().oauth2(MINISTRY).header("If-Match", "\"x\"").contentType(ContentType.JSON)
                .body("{\"title\":\"Overwritten\"}").put("/api/v1/mous/{id}/terms", id).then().statusCode(400)
                .body("violations.field", hasItem("If-Match"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body("{\"plannedOn\":\"2030-01-01\"}")
                .post("/api/v1/mous/{id}/scheduling", id).then().statusCode(428);
        assertThat(Api.writes()).isEqualTo(before);
        Api.get(MINISTRY, id).then().body("title", equalTo("Nota Kesepakatan Pertama"))
                .header("ETag", equalTo(etag(changed)));
    }

    @Test
    void malformedAndOversizedInputIsRefusedNamingTheField() throws Exception {
        JsonPath mou = Api.draft("18.07", Api.freshYear(), null);
        String id = mou.getString("id");
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"title\":\"" + "x".repeat(301) + "\"}").put("/api/v1/mous/{id}/terms", id).then()
                .statusCode(400).body("violations.field", hasItem("title"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"documentName\":\"Surat Keputusan\"}").put("/api/v1/mous/{id}/terms", id).then()
                .statusCode(400).body("violations.field", hasItem("documentName"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"validityYears\":11}").put("/api/v1/mous/{id}/terms", id).then()
                .statusCode(400).body("violations.field", hasItem("validityYears"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"scope\":{\"standardItems\":[\"WORLD_PEACE\"]}}").put("/api/v1/mous/{id}/terms", id).then()
                .statusCode(400).body("violations.field", hasItem("scope.standardItems[0]"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"localVenue\":\"Ruang\",\"localMode\":\"ONLINE\"}").put("/api/v1/mous/{id}/local-side", id).then()
                .statusCode(400).body("violations.field", hasItem("localMode"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"venue\":\"Ruang\"}").put("/api/v1/mous/{id}/local-side", id).then()
                .statusCode(400).body("violations.field", hasItem("venue"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"localVenue\":\"Ruang\\u0000rapat\"}").put("/api/v1/mous/{id}/local-side", id).then()
                .statusCode(400).body("violations.field", hasItem("localVenue"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.XML).body("<mou/>")
                .put("/api/v1/mous/{id}/local-side", id).then().statusCode(415).contentType("application/problem+json");
        given().auth().oauth2(MINISTRY).queryParam("size", 101).get("/api/v1/mous").then().statusCode(400)
                .body("violations.field", hasItem("size"));
        given().auth().oauth2(MINISTRY).queryParam("state", "DONE").get("/api/v1/mous").then().statusCode(400)
                .body("violations.field", hasItem("state"));
        given().auth().oauth2(MINISTRY).queryParam("sort", "title").get("/api/v1/mous").then().statusCode(400)
                .body("violations.field", hasItem("sort"));
        given().auth().oauth2(MINISTRY).get("/api/v1/mous/not-a-uuid").then().statusCode(400);
        given().auth().oauth2(MINISTRY).get("/api/v1/mous/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(Api.writes()).isEqualTo(before);
    }

    @Test
    void numbersAreUniqueWhereGiven() throws Exception {
        String number = "B-" + UUID.randomUUID().toString().substring(0, 8) + "/DJAI/HK.04.02/04/2030";
        JsonPath first = Api.draft("18.08", Api.freshYear(), "{\"firstPartyNumber\":\"" + number + "\"}");
        assertThat(first.getString("numbers.firstParty")).isEqualTo(number);
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body("{\"regionCode\":\"18.09\",\"programmeYear\":"
                + Api.freshYear() + ",\"terms\":{\"firstPartyNumber\":\"" + number + "\"}}")
                .post("/api/v1/mous").then().statusCode(409).body("violations.field", hasItem("firstPartyNumber"));
        assertThat(Api.writes()).isEqualTo(before);
        // the region's own numbers are unique within the region
        JsonPath a = Api.draft("18.10", Api.freshYear(), null);
        JsonPath b = Api.draft("18.10", Api.freshYear(), null);
        given().auth().oauth2(MINISTRY).header("If-Match", etag(a)).contentType(ContentType.JSON)
                .body("{\"secondPartyNumber\":\"119/NK/2030\"}").put("/api/v1/mous/{id}/local-side", a.getString("id"))
                .then().statusCode(200);
        given().auth().oauth2(MINISTRY).header("If-Match", etag(b)).contentType(ContentType.JSON)
                .body("{\"secondPartyNumber\":\"119/NK/2030\"}").put("/api/v1/mous/{id}/local-side", b.getString("id"))
                .then().statusCode(409).body("violations.field", hasItem("secondPartyNumber"));
    }

    @Test
    void aCreateWithAnIdempotencyKeyCreatesOnceAndReplays() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"regionCode\":\"18.11\",\"programmeYear\":" + Api.freshYear() + "}";
        Response first = given().auth().oauth2(MINISTRY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/api/v1/mous");
        first.then().statusCode(201).header("Location", containsString("/api/v1/mous/"));
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/mous").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.jsonPath().getString("id")));
        given().auth().oauth2(MINISTRY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("18.11", "18.12")).post("/api/v1/mous").then().statusCode(422)
                .body("violations.field", hasItem("Idempotency-Key"));
        assertThat(Api.writes()).isEqualTo(before);
    }

    @Test
    void everyNameTheDocumentGoesByIsTheOneKindAndTheNameAsWrittenIsKept() {
        JsonPath mou = Api.draft("18.13", Api.freshYear(), "{\"documentName\":\"perjanjian kerja sama\"}");
        assertThat(mou.getString("kind")).isEqualTo("NOTA_KESEPAKATAN");
        assertThat(mou.getString("documentName")).isEqualTo("perjanjian kerja sama");
        JsonPath other = Api.draft("18.13", Api.freshYear(), "{\"documentName\":\"MoU\"}");
        assertThat(other.getString("kind")).isEqualTo("NOTA_KESEPAKATAN");
        given().auth().oauth2(MINISTRY).queryParam("regionCode", "18.13").get("/api/v1/mous").then()
                .body("items.kind", org.hamcrest.Matchers.everyItem(equalTo("NOTA_KESEPAKATAN")));
    }
}
