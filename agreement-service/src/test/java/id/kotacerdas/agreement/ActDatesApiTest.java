package id.kotacerdas.agreement;

import static id.kotacerdas.agreement.Api.MINISTRY;
import static id.kotacerdas.agreement.Api.etag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every act on the date it happened (issue 18): an {@code occurred} in the future, before the programme began (2017)
 * or before the act it depends on is a 400 naming the field, and the refused write changes nothing. The happy path
 * recorded after the fact is Kota Metro's MoU of 2023 ({@link SeedFactsScenarioTest}).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class ActDatesApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The service's clock is the system's, in Jakarta; the tests date "the future" from it. */
    static final LocalDate TOMORROW = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1);

    @BeforeEach
    void registry() {
        Api.registry();
    }

    @Test
    void aDraftDatedInTheFutureBefore2017OrMalformedIsRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        List<Long> before = Api.writes();
        draftDated("{\"date\":\"" + TOMORROW + "\"}").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("occurred")).body("detail", containsString("future"));
        draftDated("{\"date\":\"2016\",\"precision\":\"YEAR\"}").statusCode(400)
                .body("violations.field", hasItem("occurred")).body("detail", containsString("2017"));
        draftDated("{\"date\":\"2022-13\"}").statusCode(400).body("violations.field", hasItem("occurred.date"));
        draftDated("{\"date\":\"2022\",\"precision\":\"DAY\"}").statusCode(400)
                .body("violations.field", hasItem("occurred.precision"));
        draftDated("{\"precision\":\"DAY\"}").statusCode(400).body("violations.field", hasItem("occurred.date"));
        assertThat(Api.writes()).isEqualTo(before);
    }

    @Test
    void schedulingAndSigningOutOfOrderAreRefusedNamingTheFieldThenInOrderTheyAreRecordedWithTheirDates() throws Exception {
        int year = Api.freshYear();
        JsonPath mou = completeDraft("18.05", year, "{\"date\":\"2022-06-03\",\"precision\":\"DAY\"}");
        String id = mou.getString("id");
        assertThat(mou.getString("occurred.drafted.date")).isEqualTo("2022-06-03");
        List<Long> before = Api.writes();
        String row = Api.mouRow(id);
        // scheduled before it was drafted; in the future
        schedule(mou, "{\"plannedOn\":\"2022-07-01\",\"occurred\":{\"date\":\"2022-05\"}}").statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("occurred"))
                .body("detail", containsString("draft"));
        schedule(mou, "{\"plannedOn\":\"2022-07-01\",\"occurred\":{\"date\":\"" + TOMORROW + "\"}}").statusCode(400)
                .body("violations.field", hasItem("occurred"));
        assertThat(Api.writes()).isEqualTo(before);
        assertThat(Api.mouRow(id)).isEqualTo(row);

        // June 2022 may be the day of the draft: accepted
        mou = schedule(mou, "{\"plannedOn\":\"2022-07-01\",\"occurred\":{\"date\":\"2022-06\"}}").statusCode(200)
                .body("occurred.scheduled.date", equalTo("2022-06"))
                .body("occurred.scheduled.precision", equalTo("MONTH")).extract().jsonPath();
        before = Api.writes();
        row = Api.mouRow(id);
        // signed before the draft; before the programme began; in the future
        sign(mou, "{\"signedOn\":\"2022-05-31\"}").statusCode(400).body("violations.field", hasItem("signedOn"))
                .body("detail", containsString("draft"));
        sign(mou, "{\"signedOn\":\"2016-12-31\"}").statusCode(400).body("violations.field", hasItem("signedOn"))
                .body("detail", containsString("2017"));
        sign(mou, "{\"signedOn\":\"" + TOMORROW + "\"}").statusCode(400).body("violations.field", hasItem("signedOn"));
        assertThat(Api.writes()).isEqualTo(before);
        assertThat(Api.mouRow(id)).isEqualTo(row);

        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            mou = sign(mou, "{\"signedOn\":\"2022-07-01\"}").statusCode(200)
                    .body("occurred.drafted.date", equalTo("2022-06-03"))
                    .body("occurred.signed.date", equalTo("2022-07-01")).extract().jsonPath();
            JsonNode signed = JSON.readTree(events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouSigned.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(30)).value());
            assertThat(signed.at("/occurred/date").asText()).isEqualTo("2022-07-01");
            assertThat(signed.at("/occurred/precision").asText()).isEqualTo("DAY");
        }
        // after signing: an amendment or termination before the programme began (so before the signing) is refused
        before = Api.writes();
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .header("Idempotency-Key", "act-dates-" + year)
                .body("{\"amendedOn\":\"2016-03-01\",\"reason\":\"x\",\"validityYears\":4}")
                .post("/api/v1/mous/{id}/amendments", id).then().statusCode(400)
                .body("violations.field", hasItem("amendedOn"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"terminatedOn\":\"2016-06-30\",\"reason\":\"x\"}")
                .post("/api/v1/mous/{id}/termination", id).then().statusCode(400)
                .body("violations.field", hasItem("terminatedOn"));
        assertThat(Api.writes()).isEqualTo(before);
    }

    @Test
    void aPastSigningOfADraftRecordedTodayWithoutItsDateIsRefusedNamingSignedOn() throws Exception {
        JsonPath mou = completeDraft("18.06", Api.freshYear(), null);
        String id = mou.getString("id");
        mou = schedule(mou, "{\"plannedOn\":\"2023-02-28\"}").statusCode(200).extract().jsonPath();
        List<Long> before = Api.writes();
        String row = Api.mouRow(id);
        sign(mou, "{\"signedOn\":\"2023-02-28\"}").statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("signedOn")).body("detail", containsString("draft"));
        assertThat(Api.writes()).isEqualTo(before);
        assertThat(Api.mouRow(id)).isEqualTo(row);
    }

    @Test
    void aCeremonyHeldBeforeItsMousWereDraftedOrScheduledIsRefusedNamingHeldOnAndNothingChanges() throws Exception {
        int year = Api.freshYear();
        JsonPath ceremony = Api.ceremony(year, "2022-04-21", "VIRTUAL");
        String ceremonyId = ceremony.getString("id");
        JsonPath mou = completeDraft("18.07", year, "{\"date\":\"2022-03\"}");
        List<Long> before = Api.writes();
        // scheduled into it before the draft
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"mouIds\":[\"" + mou.getString("id") + "\"],\"occurred\":{\"date\":\"2022-02-28\"}}")
                .post("/api/v1/mou-ceremonies/{id}/mous", ceremonyId).then().statusCode(400)
                .body("violations.field", hasItem("occurred")).body("detail", containsString("draft"));
        assertThat(Api.writes()).isEqualTo(before);
        // scheduled today (no occurred): the ceremony of 2022 cannot have signed it
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"mouIds\":[\"" + mou.getString("id") + "\"]}")
                .post("/api/v1/mou-ceremonies/{id}/mous", ceremonyId).then().statusCode(200);
        before = Api.writes();
        String row = Api.mouRow(mou.getString("id"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(ceremony)).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"2022-04-21\"}").post("/api/v1/mou-ceremonies/{id}/holding", ceremonyId).then()
                .statusCode(400).body("violations.field", hasItem("heldOn")).body("detail", containsString("scheduling"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(ceremony)).contentType(ContentType.JSON)
                .body("{\"heldOn\":\"2016-04-21\"}").post("/api/v1/mou-ceremonies/{id}/holding", ceremonyId).then()
                .statusCode(400).body("violations.field", hasItem("heldOn"));
        assertThat(Api.writes()).isEqualTo(before);
        assertThat(Api.mouRow(mou.getString("id"))).isEqualTo(row);
        given().auth().oauth2(MINISTRY).get("/api/v1/mou-ceremonies/{id}", ceremonyId).then().statusCode(200)
                .body("state", equalTo("PLANNED"));
    }

    @Test
    void aWithdrawalKeepsItsDateAndPrecisionAndIsNotBeforeTheDraft() throws Exception {
        JsonPath mou = Api.draft("18.08", Api.freshYear(), null, "{\"date\":\"2022-06-03\"}");
        String id = mou.getString("id");
        List<Long> before = Api.writes();
        withdraw(mou, "{\"reason\":\"x\",\"occurred\":{\"date\":\"2022-05\"}}").statusCode(400)
                .body("violations.field", hasItem("occurred"));
        withdraw(mou, "{\"reason\":\"x\",\"occurred\":{\"date\":\"" + TOMORROW + "\"}}").statusCode(400)
                .body("violations.field", hasItem("occurred"));
        assertThat(Api.writes()).isEqualTo(before);
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            withdraw(mou, "{\"reason\":\"Drafted for the wrong year\",\"occurred\":{\"date\":\"2022-08\"}}")
                    .statusCode(200).body("state", equalTo("WITHDRAWN"))
                    .body("stateChangedOn", equalTo("2022-08-01"))
                    .body("occurred.ended.date", equalTo("2022-08"))
                    .body("occurred.ended.precision", equalTo("MONTH"));
            JsonNode withdrawn = JSON.readTree(events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouWithdrawn.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(30)).value());
            assertThat(withdrawn.at("/occurred/date").asText()).isEqualTo("2022-08");
            assertThat(withdrawn.at("/occurred/precision").asText()).isEqualTo("MONTH");
        }
        // without occurred, the event has none (the act happened when it was recorded)
        JsonPath other = Api.draft("18.09", Api.freshYear(), null);
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            withdraw(other, "{\"reason\":\"x\"}").statusCode(200);
            JsonNode withdrawn = JSON.readTree(events.awaitRecord(r -> r.value() != null
                    && r.value().contains(other.getString("id"))
                    && "id.kotacerdas.agreement.MouWithdrawn.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(30)).value());
            assertThat(withdrawn.has("occurred")).isFalse();
        }
    }

    @Test
    void aLocalCommitmentBefore2017IsRefusedAndItsReadCarriesItsDate() throws Exception {
        String body = """
                {"regionCode":"52.07","signedOn":"%s","venue":"Kabupaten Sumbawa Barat",\
                "regionalHead":{"position":"Bupati Sumbawa Barat"},"sekda":{"position":"Sekretaris Daerah"},\
                "opds":[{"name":"Dinas Komunikasi dan Informatika"}]}""";
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body(body.formatted("2016-09-14"))
                .post("/api/v1/local-commitments").then().statusCode(400).body("violations.field", hasItem("signedOn"));
        assertThat(Api.writes()).isEqualTo(before);
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            String id = given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body(body.formatted("2022-09-14"))
                    .post("/api/v1/local-commitments").then().statusCode(201)
                    .body("occurred.date", equalTo("2022-09-14")).body("occurred.precision", equalTo("DAY"))
                    .extract().path("id");
            JsonNode signed = JSON.readTree(events.awaitRecord(r -> r.value() != null && r.value().contains(id),
                    Duration.ofSeconds(30)).value());
            assertThat(signed.at("/occurred/date").asText()).isEqualTo("2022-09-14");
        }
    }

    // ------------------------------------------------------------------ helpers

    static ValidatableResponse draftDated(String occurredJson) {
        return given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"18.04\",\"programmeYear\":" + Api.freshYear() + ",\"occurred\":" + occurredJson + "}")
                .post("/api/v1/mous").then();
    }

    /** A draft (dated as given, or made now) whose record is complete enough to be signed. */
    static JsonPath completeDraft(String code, int year, String occurredJson) {
        JsonPath mou = Api.draft(code, year, """
                {"validityYears":3,"firstPartySignatory":{"name":"Penandatangan Ditjen","position":"Direktur Jenderal Aplikasi Informatika"}}""",
                occurredJson);
        return given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON).body("""
                {"localVenue":"Ruang rapat","localMode":"VIRTUAL",\
                "secondPartySignatory":{"name":"Penandatangan Daerah","position":"Sekretaris Daerah"}}""")
                .put("/api/v1/mous/{id}/local-side", mou.getString("id")).then().statusCode(200).extract().jsonPath();
    }

    static ValidatableResponse schedule(JsonPath mou, String body) {
        return given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/mous/{id}/scheduling", mou.getString("id")).then();
    }

    static ValidatableResponse sign(JsonPath mou, String body) {
        return given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/mous/{id}/signing", mou.getString("id")).then();
    }

    static ValidatableResponse withdraw(JsonPath mou, String body) {
        return given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/mous/{id}/withdrawal", mou.getString("id")).then();
    }
}
