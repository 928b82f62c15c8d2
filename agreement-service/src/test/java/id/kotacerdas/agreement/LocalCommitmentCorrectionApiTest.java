package id.kotacerdas.agreement;

import static id.kotacerdas.agreement.Api.MINISTRY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Corrections and withdrawals of local commitments in the open (issue 18, item 3): under If-Match (the revision), with
 * a reason and sources (required for a recorded commitment), for the ministry only; the earlier values stay readable
 * as revisions; a withdrawn commitment leaves the list.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class LocalCommitmentCorrectionApiTest {

    static final Duration ARRIVES = Duration.ofSeconds(30);
    static final String SOURCES = "[{\"title\":\"Laporan Smart City 2019\",\"url\":\"https://bandarlampungkota.go.id/smart-city-2019\"}]";

    @BeforeEach
    void registry() {
        Api.registry();
    }

    /** A recorded commitment of Kota Bandar Lampung signed on the day given. */
    static String recorded(String signedOn) {
        return """
                {"regionCode":"18.71","signedOn":"%s","venue":"Ruang rapat Wali Kota","origin":"RECORDED",\
                "regionalHead":{"position":"Wali Kota Bandar Lampung"},"sekda":{"position":"Sekretaris Daerah"},\
                "opds":[{"name":"Dinas Komunikasi dan Informatika","head":{"position":"Kepala Dinas"}}],\
                "sources":[{"title":"Berita 2019","url":"https://bandarlampungkota.go.id/berita-2019"}]}"""
                .formatted(signedOn);
    }

    static String create(String body) {
        return given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body(body).post("/api/v1/local-commitments")
                .then().statusCode(201).header("ETag", "\"1\"").body("revision", equalTo(1)).extract().path("id");
    }

    static Response post(String token, String id, String what, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.post("/api/v1/local-commitments/{id}/" + what, id);
    }

    static String row(String id) throws Exception {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(Api.DATABASE), Api.DATABASE, Api.DATABASE);
                ResultSet rs = c.createStatement().executeQuery("SELECT l::text FROM local_commitment l WHERE id = '" + id + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static List<String> listed(Boolean includeWithdrawn) {
        var request = given().auth().oauth2(MINISTRY).queryParam("regionCode", "18.71").queryParam("signingYear", 2019)
                .queryParam("size", 100);
        if (includeWithdrawn != null) {
            request = request.queryParam("includeWithdrawn", includeWithdrawn);
        }
        return request.get("/api/v1/local-commitments").then().statusCode(200).extract().path("items.id");
    }

    @Test
    void theListIsNewestSigningFirstUnlessSortSaysOtherwise() {
        String early = create(recorded("2019-01-02"));
        String late = create(recorded("2019-12-30"));
        List<String> newestFirst = listed(null);
        assertThat(newestFirst.indexOf(late)).isNotNegative().isLessThan(newestFirst.indexOf(early));
        List<String> oldestFirst = given().auth().oauth2(MINISTRY).queryParam("regionCode", "18.71").queryParam("signingYear", 2019)
                .queryParam("size", 100).queryParam("sort", "signedOn").get("/api/v1/local-commitments").then()
                .statusCode(200).extract().path("items.id");
        assertThat(oldestFirst.indexOf(early)).isZero();
        assertThat(oldestFirst.indexOf(late)).isEqualTo(oldestFirst.size() - 1);
        List<String> byNewestSigning = given().auth().oauth2(MINISTRY).queryParam("regionCode", "18.71")
                .queryParam("year", 2019).queryParam("size", 100).queryParam("sort", "-signedOn")
                .get("/api/v1/local-commitments").then().statusCode(200) // `year`, the old name of signingYear
                .header("Deprecation", equalTo("true")).header("Link", org.hamcrest.Matchers.containsString("signingYear=2019"))
                .extract().path("items.id");
        assertThat(byNewestSigning).isEqualTo(newestFirst);
        given().auth().oauth2(MINISTRY).queryParam("sort", "venue").get("/api/v1/local-commitments").then()
                .statusCode(400).body("violations.field", hasItem("sort"));
    }

    @Test
    void aCommitmentIsCorrectedUnderIfMatchAndItsEarlierValueStaysReadable() throws Exception {
        String id = create(recorded("2019-05-14"));
        given().auth().oauth2(MINISTRY).get("/api/v1/local-commitments/{id}", id).then().statusCode(200)
                .header("ETag", "\"1\"").body("revision", equalTo(1)).body("withdrawn", nullValue());
        String change = "{\"reason\":\"The report gives the 15th and the Sekda's name\",\"sources\":" + SOURCES
                + ",\"changes\":{\"signedOn\":\"2019-05-15\",\"sekda\":{\"name\":\"Badri Tamam\",\"position\":\"Sekretaris Daerah\"}}}";

        List<Long> before = Api.writes();
        String rowBefore = row(id);
        post(MINISTRY, id, "corrections", null, change).then().statusCode(428);
        post(MINISTRY, id, "corrections", "\"4\"", change).then().statusCode(412);
        post(RecordedMouApiTest.IMPORTER, id, "corrections", "\"1\"", change).then().statusCode(403);
        post(Api.AUDITOR, id, "corrections", "\"1\"", change).then().statusCode(403);
        post(MINISTRY, id, "corrections", "\"1\"", "{\"reason\":\"x\",\"changes\":{\"venue\":\"Aula\"}}").then()
                .statusCode(400).body("violations.field", hasItem("sources"));
        post(MINISTRY, id, "corrections", "\"1\"", "{\"reason\":\"x\",\"sources\":" + SOURCES + ",\"changes\":{}}").then()
                .statusCode(400).body("violations.field", hasItem("changes"));
        post(MINISTRY, id, "corrections", "\"1\"", "{\"reason\":\"x\",\"sources\":" + SOURCES + "}").then()
                .statusCode(400).body("violations.field", hasItem("changes"));
        post(MINISTRY, id, "corrections", "\"1\"", "{\"reason\":\"x\",\"sources\":" + SOURCES
                + ",\"changes\":{\"signedOn\":\"2019-05-14\",\"venue\":\"Ruang rapat Wali Kota\"}}").then()
                .statusCode(400).body("violations.field", hasItem("changes"));
        post(MINISTRY, id, "corrections", "\"1\"", "{\"reason\":\"x\",\"sources\":" + SOURCES
                + ",\"changes\":{\"signedOn\":\"2016-05-14\"}}").then()
                .statusCode(400).body("violations.field", hasItem("changes.signedOn"));
        post(MINISTRY, id, "corrections", "\"1\"", "{\"reason\":\"x\",\"sources\":" + SOURCES
                + ",\"changes\":{\"regionCode\":\"18.72\"}}").then()
                .statusCode(400).body("violations.field", hasItem("changes.regionCode"));
        post(MINISTRY, id, "corrections", "\"1\"", "{\"reason\":\"x\",\"sources\":" + SOURCES
                + ",\"changes\":{\"sources\":[{\"title\":\"no url\"}]}}").then()
                .statusCode(400).body("violations.field", hasItem("changes.sources[0].url"));
        assertThat(Api.writes()).as("a refused correction writes nothing").isEqualTo(before);
        assertThat(Api.count("local_commitment_revision WHERE commitment_id = '" + id + "'")).isZero();
        assertThat(row(id)).isEqualTo(rowBefore);

        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            post(MINISTRY, id, "corrections", "\"1\"", change).then().statusCode(200).header("ETag", "\"2\"")
                    .body("revision", equalTo(2)).body("origin", equalTo("RECORDED"))
                    .body("signedOn", equalTo("2019-05-15")).body("occurred.date", equalTo("2019-05-15"))
                    .body("sekda.name", equalTo("Badri Tamam")).body("venue", equalTo("Ruang rapat Wali Kota"));
            ConsumerRecord<String, String> corrected = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.LocalCommitmentCorrected.v1".equals(KafkaEvents.header(r, "ce_type")), ARRIVES);
            JsonNode data = new ObjectMapper().readTree(corrected.value());
            assertThat(corrected.key()).isEqualTo("18.71");
            assertThat(data.get("commitmentId").asText()).isEqualTo(id);
            assertThat(data.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(data.get("signedOn").asText()).isEqualTo("2019-05-15");
            assertThat(data.at("/occurred/date").asText()).isEqualTo("2019-05-15");
            assertThat(data.at("/sekda/name").asText()).isEqualTo("Badri Tamam");
            assertThat(data.at("/sources/0/url").asText()).isEqualTo("https://bandarlampungkota.go.id/berita-2019");
            assertThat(data.at("/correction/revision").asInt()).isEqualTo(2);
            assertThat(data.at("/correction/reason").asText()).isEqualTo("The report gives the 15th and the Sekda's name");
            assertThat(data.at("/correction/sources/0/url").asText()).isEqualTo("https://bandarlampungkota.go.id/smart-city-2019");
            assertThat(data.at("/correction/previous/signedOn").asText()).isEqualTo("2019-05-14");
            assertThat(data.at("/correction/previous/occurred/date").asText()).isEqualTo("2019-05-14");
            assertThat(data.at("/correction/previous/sekda").has("name")).isTrue();
            assertThat(data.at("/correction/previous/sekda/name").isNull()).isTrue();
            assertThat(data.at("/correction/previous").has("venue")).isFalse();
            assertThat(data.at("/correction/previous").has("opds")).isFalse();
        }
        given().auth().oauth2(Api.AUDITOR).get("/api/v1/local-commitments/{id}/revisions", id).then().statusCode(200)
                .body("commitmentId", equalTo(id)).body("items", hasSize(2))
                .body("page", equalTo(0)).body("total", equalTo(2)).body("totalPages", equalTo(1))
                .body("items[0].revision", equalTo(1)).body("items[0].kind", equalTo("RECORDED"))
                .body("items[0].by", equalTo("ministry")).body("items[0].value.signedOn", equalTo("2019-05-14"))
                .body("items[1].revision", equalTo(2)).body("items[1].kind", equalTo("CORRECTION"))
                .body("items[1].reason", equalTo("The report gives the 15th and the Sekda's name"))
                .body("items[1].sources[0].url", equalTo("https://bandarlampungkota.go.id/smart-city-2019"))
                .body("items[1].value.signedOn", equalTo("2019-05-15"))
                .body("items[1].value.sekda.name", equalTo("Badri Tamam"));
        given().auth().oauth2(MINISTRY).get("/api/v1/local-commitments/{id}", id).then().statusCode(200)
                .header("ETag", "\"2\"");
        // the stale revision is refused now
        post(MINISTRY, id, "corrections", "\"1\"", change).then().statusCode(412);
        assertThat(Api.count("audit_entry WHERE resource_id = '" + id + "' AND action = 'LOCAL_COMMITMENT_CORRECTED'")).isEqualTo(1);
    }

    @Test
    void aWithdrawnCommitmentLeavesTheListStaysReadableAndIsNotChangedAgain() throws Exception {
        String id = create(recorded("2019-06-03"));
        assertThat(listed(null)).contains(id);

        List<Long> before = Api.writes();
        post(MINISTRY, id, "withdrawal", "\"1\"", "{\"reason\":\"Recorded twice\"}").then().statusCode(400)
                .body("violations.field", hasItem("sources"));
        post(MINISTRY, id, "withdrawal", "\"3\"", "{\"reason\":\"Recorded twice\",\"sources\":" + SOURCES + "}")
                .then().statusCode(412);
        post(MINISTRY, id, "withdrawal", null, "{\"reason\":\"Recorded twice\",\"sources\":" + SOURCES + "}")
                .then().statusCode(428);
        post(RecordedMouApiTest.IMPORTER, id, "withdrawal", "\"1\"", "{\"reason\":\"Recorded twice\",\"sources\":" + SOURCES + "}")
                .then().statusCode(403);
        assertThat(Api.writes()).isEqualTo(before);

        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            post(MINISTRY, id, "withdrawal", "\"1\"", "{\"reason\":\"Recorded twice\",\"sources\":" + SOURCES + "}")
                    .then().statusCode(200).header("ETag", "\"2\"").body("revision", equalTo(2))
                    .body("withdrawn.reason", equalTo("Recorded twice")).body("withdrawn.by", equalTo("ministry"))
                    .body("withdrawn.sources[0].url", equalTo("https://bandarlampungkota.go.id/smart-city-2019"));
            ConsumerRecord<String, String> withdrawn = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.LocalCommitmentWithdrawn.v1".equals(KafkaEvents.header(r, "ce_type")), ARRIVES);
            JsonNode data = new ObjectMapper().readTree(withdrawn.value());
            assertThat(withdrawn.key()).isEqualTo("18.71");
            assertThat(data.get("regionCode").asText()).isEqualTo("18.71");
            assertThat(data.get("signedOn").asText()).isEqualTo("2019-06-03");
            assertThat(data.at("/withdrawal/revision").asInt()).isEqualTo(2);
            assertThat(data.at("/withdrawal/reason").asText()).isEqualTo("Recorded twice");
        }
        given().auth().oauth2(MINISTRY).get("/api/v1/local-commitments/{id}", id).then().statusCode(200)
                .body("withdrawn.reason", equalTo("Recorded twice"));
        assertThat(listed(null)).as("a withdrawn commitment leaves the list").doesNotContain(id);
        assertThat(listed(false)).doesNotContain(id);
        assertThat(listed(true)).contains(id);
        given().auth().oauth2(Api.AUDITOR).get("/api/v1/local-commitments/{id}/revisions", id).then().statusCode(200)
                .body("items.kind", equalTo(List.of("RECORDED", "WITHDRAWAL")));
        given().auth().oauth2(Api.AUDITOR).queryParam("page", 1).queryParam("size", 1)
                .get("/api/v1/local-commitments/{id}/revisions", id).then().statusCode(200)
                .body("items.kind", equalTo(List.of("WITHDRAWAL"))).body("total", equalTo(2)).body("totalPages", equalTo(2));
        post(MINISTRY, id, "corrections", "\"2\"", "{\"reason\":\"x\",\"sources\":" + SOURCES + ",\"changes\":{\"venue\":\"Aula\"}}")
                .then().statusCode(409).body("violations.field", hasItem("withdrawn"));
        post(MINISTRY, id, "withdrawal", "\"2\"", "{\"reason\":\"x\",\"sources\":" + SOURCES + "}").then().statusCode(409);
        assertThat(Api.count("audit_entry WHERE resource_id = '" + id + "' AND action = 'LOCAL_COMMITMENT_WITHDRAWN'")).isEqualTo(1);
    }

    @Test
    void aLiveCommitmentIsCorrectedWithoutSources() {
        String id = given().auth().oauth2(Api.OFFICER_KSB).contentType(ContentType.JSON)
                .body(RecordedMouApiTest.commitment("52.07", "")).post("/api/v1/local-commitments").then().statusCode(201)
                .body("origin", equalTo("LIVE")).extract().path("id");
        post(Api.OFFICER_KSB, id, "corrections", "\"1\"", "{\"reason\":\"x\",\"changes\":{\"venue\":\"Aula\"}}")
                .then().statusCode(403);
        post(MINISTRY, id, "corrections", "\"1\"", "{\"reason\":\"The venue was the hall\",\"changes\":{\"venue\":\"Aula Kantor Bupati\"}}")
                .then().statusCode(200).body("revision", equalTo(2)).body("venue", equalTo("Aula Kantor Bupati"))
                .body("origin", equalTo("LIVE"));
        post(MINISTRY, id, "withdrawal", "\"2\"", "{\"reason\":\"Entered by mistake\"}").then().statusCode(200)
                .body("withdrawn.sources", hasSize(0)).body("id", not(nullValue()));
    }
}
