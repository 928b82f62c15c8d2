package id.kotacerdas.agreement;

import static id.kotacerdas.agreement.Api.MINISTRY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MoUs of the past recorded from their sources (issue 18, item 2): stored SIGNED with origin RECORDED and what the
 * sources do not give unknown; idempotent by region and programme year; sources required; the importer may record
 * and do nothing else; a recorded MoU is not part of the live workflow.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class RecordedMouApiTest {

    static final String IMPORTER = Tokens.forUser("importer", "importer");
    static final Duration ARRIVES = Duration.ofSeconds(30);

    @BeforeEach
    void registry() {
        Api.registry();
    }

    static String body(String regionCode, int year, String signedOn, String more) {
        return """
                {"regionCode":"%s","programmeYear":%d,"signedOn":%s,%s\
                "sources":[{"title":"Metro report 2023","url":"https://metrokota.go.id/berita/smart-city-2023","publishedOn":"2023-03-01"}]}"""
                .formatted(regionCode, year, signedOn, more == null ? "" : more + ",");
    }

    static Response record(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/recorded-mous");
    }

    @Test
    void anMouKnownOnlyByItsSigningIsStoredSignedWithWhatIsNotKnownUnknownAndPublishedAsRecorded() throws Exception {
        int year = Api.freshYear();
        String body = body("18.71", year, "{\"date\":\"2023-02-28\",\"precision\":\"DAY\"}",
                "\"number\":null,\"numberKnown\":false,\"ceremony\":\"Penandatanganan Nota Kesepakatan 2023\"");
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            Response created = record(IMPORTER, body);
            created.then().statusCode(201).header("ETag", "\"1\"")
                    .header("Location", containsString("/api/v1/mous/"))
                    .body("origin", equalTo("RECORDED")).body("draftedFrom", nullValue())
                    .body("state", equalTo("SIGNED")).body("signedOn", equalTo("2023-02-28"))
                    .body("occurred.signed.date", equalTo("2023-02-28")).body("occurred.signed.precision", equalTo("DAY"))
                    .body("number", nullValue()).body("numberKnown", equalTo(false))
                    .body("recordedCeremony", equalTo("Penandatanganan Nota Kesepakatan 2023"))
                    .body("firstPartySignatory.known", equalTo(false)).body("secondPartySignatory.known", equalTo(false))
                    .body("secondPartySignatory.name", nullValue()).body("localVenueKnown", equalTo(false))
                    .body("validity", nullValue()).body("validityKnown", equalTo(false))
                    .body("secondParty.position", equalTo("Wali Kota Bandar Lampung")).body("revision", equalTo(1))
                    .body("sources[0].url", equalTo("https://metrokota.go.id/berita/smart-city-2023"));
            String id = created.path("id");
            Api.get(MINISTRY, id).then().statusCode(200).header("ETag", "\"1\"").body("origin", equalTo("RECORDED"))
                    .body("createdBy", equalTo("importer"));

            ConsumerRecord<String, String> signed = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouSigned.v1".equals(KafkaEvents.header(r, "ce_type")), ARRIVES);
            JsonNode data = new ObjectMapper().readTree(signed.value());
            assertThat(signed.key()).isEqualTo("18.71");
            assertThat(data.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(data.at("/occurred/date").asText()).isEqualTo("2023-02-28");
            assertThat(data.at("/occurred/precision").asText()).isEqualTo("DAY");
            assertThat(data.at("/sources/0/url").asText()).isEqualTo("https://metrokota.go.id/berita/smart-city-2023");
            assertThat(data.get("numberKnown").asBoolean()).isFalse();
            assertThat(data.at("/secondPartySignatory/known").asBoolean()).isFalse();
            assertThat(data.get("validity").isNull()).isTrue();

            // the same fact again: 200 with the stored MoU, nothing written, no second event
            List<Long> before = Api.writes();
            record(IMPORTER, body).then().statusCode(200).header("ETag", "\"1\"").body("id", equalTo(id));
            assertThat(Api.writes()).isEqualTo(before);
            // the same key, other content: 409 naming the first differing field, saying to correct it
            record(IMPORTER, body("18.71", year, "{\"date\":\"2023-02\"}", "\"numberKnown\":false")).then().statusCode(409)
                    .body("violations.field", hasItem("signedOn")).body("detail", containsString("correction"));
            record(MINISTRY, body("18.71", year, "{\"date\":\"2023-02-28\"}", "\"number\":\"B-1/DJAI/2023\"")).then()
                    .statusCode(409).body("violations.field", hasItem("number"));
            assertThat(Api.writes()).isEqualTo(before);
            events.assertNoRecord(r -> r.value() != null && r.value().contains(id)
                    && !r.value().equals(signed.value()), Duration.ofSeconds(1));
        }
    }

    @Test
    void aSigningKnownOnlyByItsMonthKeepsItsPrecision() {
        int year = Api.freshYear();
        record(MINISTRY, body("17.71", year, "{\"date\":\"2019-05\"}", "\"number\":\"B-7/DJAI/2019\"")).then()
                .statusCode(201).body("signedOn", equalTo("2019-05-01")).body("occurred.signed.date", equalTo("2019-05"))
                .body("occurred.signed.precision", equalTo("MONTH")).body("number", equalTo("B-7/DJAI/2019"))
                .body("numberKnown", equalTo(true)).body("createdBy", equalTo("ministry"));
    }

    @Test
    void sourcesAndASigningDateAreRequiredAndARefusedRecordWritesNothing() throws Exception {
        int year = Api.freshYear();
        List<Long> before = Api.writes();
        record(IMPORTER, "{\"regionCode\":\"17.71\",\"programmeYear\":" + year + ",\"signedOn\":{\"date\":\"2023-02-28\"}}")
                .then().statusCode(400).body("violations.field", hasItem("sources"));
        record(IMPORTER, "{\"regionCode\":\"17.71\",\"programmeYear\":" + year + ",\"signedOn\":{\"date\":\"2023-02-28\"},"
                + "\"sources\":[{\"url\":\"ftp://x\"}]}").then().statusCode(400).body("violations.field", hasItem("sources[0].url"));
        record(IMPORTER, body("17.71", year, "{\"date\":\"28-02-2023\"}", null)).then().statusCode(400)
                .body("violations.field", hasItem("signedOn.date"));
        record(IMPORTER, body("17.71", year, "{\"date\":\"2999-01-01\"}", null)).then().statusCode(400)
                .body("violations.field", hasItem("signedOn"));
        record(IMPORTER, body("17.71", year, "{\"date\":\"2016\"}", null)).then().statusCode(400)
                .body("violations.field", hasItem("signedOn"));
        record(IMPORTER, body("17.71", year, "{\"date\":\"2023\"}", "\"number\":\"B-1\",\"numberKnown\":false")).then()
                .statusCode(400).body("violations.field", hasItem("numberKnown"));
        record(IMPORTER, body("17.99", year, "{\"date\":\"2023\"}", null)).then().statusCode(422);
        assertThat(Api.writes()).isEqualTo(before);
    }

    @Test
    void aLiveMouOfTheRegionAndYearIsNotRecordedOverAndARecordedMouIsNotLiveWorkflow() throws Exception {
        int year = Api.freshYear();
        Api.draft("17.01", year, null);
        record(MINISTRY, body("17.01", year, "{\"date\":\"2023\"}", null)).then().statusCode(409)
                .body("violations.field", hasItem("programmeYear"));

        int other = Api.freshYear();
        String id = record(MINISTRY, body("17.03", other, "{\"date\":\"2023\"}", null)).then().statusCode(201)
                .extract().path("id");
        String row = Api.mouRow(id);
        given().auth().oauth2(MINISTRY).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{\"terminatedOn\":\"2024-01-02\",\"reason\":\"x\"}").post("/api/v1/mous/{id}/termination", id)
                .then().statusCode(409).body("violations.field", hasItem("origin"));
        // a hand draft for a year a recorded MoU holds is refused as before
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"17.03\",\"programmeYear\":" + other + "}").post("/api/v1/mous")
                .then().statusCode(409).body("violations.field", hasItem("programmeYear"));
        assertThat(Api.mouRow(id)).isEqualTo(row);
    }

    @Test
    void theImporterMayRecordButCallNothingElse() throws Exception {
        int year = Api.freshYear();
        String id = Api.draft("17.02", year, null).getString("id");
        given().auth().oauth2(IMPORTER).get("/api/v1/mous").then().statusCode(403);
        given().auth().oauth2(IMPORTER).get("/api/v1/mous/{id}", id).then().statusCode(403);
        given().auth().oauth2(IMPORTER).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"17.02\",\"programmeYear\":" + Api.freshYear() + "}").post("/api/v1/mous")
                .then().statusCode(403);
        given().auth().oauth2(IMPORTER).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{\"reason\":\"x\"}").post("/api/v1/mous/{id}/withdrawal", id).then().statusCode(403);
        given().auth().oauth2(IMPORTER).get("/api/v1/local-commitments").then().statusCode(403);
        given().auth().oauth2(IMPORTER).get("/api/v1/mou-ceremonies").then().statusCode(403);
        given().auth().oauth2(IMPORTER).get("/api/v1/audit/agreement-service").then().statusCode(403);
    }

    static String commitment(String regionCode, String extra) {
        return """
                {"regionCode":"%s","signedOn":"2022-09-22","venue":"Ruang rapat Kantor Bupati",\
                "regionalHead":{"position":"Bupati"},"sekda":{"position":"Sekretaris Daerah"},\
                "opds":[{"name":"Dinas Komunikasi dan Informatika","head":{"position":"Kepala Dinas"}}]%s}"""
                .formatted(regionCode, extra);
    }

    @Test
    void theImporterRecordsALocalCommitmentOnlyAsRecordedAndWithSources() throws Exception {
        List<Long> before = Api.writes();
        given().auth().oauth2(IMPORTER).contentType(ContentType.JSON).body(commitment("52.07", ""))
                .post("/api/v1/local-commitments").then().statusCode(400).body("violations.field", hasItem("sources"));
        given().auth().oauth2(IMPORTER).contentType(ContentType.JSON)
                .body(commitment("52.07", ",\"origin\":\"LIVE\",\"sources\":[{\"title\":\"KSB\",\"url\":\"https://ksb.go.id/a\"}]"))
                .post("/api/v1/local-commitments").then().statusCode(400).body("violations.field", hasItem("origin"));
        assertThat(Api.writes()).isEqualTo(before);
        given().auth().oauth2(IMPORTER).contentType(ContentType.JSON)
                .body(commitment("52.07", ",\"sources\":[{\"title\":\"KSB report 2022\",\"url\":\"https://ksb.go.id/a\"}]"))
                .post("/api/v1/local-commitments").then().statusCode(201).body("origin", equalTo("RECORDED"))
                .body("sources[0].url", equalTo("https://ksb.go.id/a"));
        given().auth().oauth2(Api.OFFICER_KSB).contentType(ContentType.JSON).body(commitment("52.07", ""))
                .post("/api/v1/local-commitments").then().statusCode(201).body("origin", equalTo("LIVE"));
    }
}
