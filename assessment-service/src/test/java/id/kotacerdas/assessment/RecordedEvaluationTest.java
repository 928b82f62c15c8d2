package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recorded evaluation results (issue 18 item 2): `POST /evaluations` for the ministry and the importer, with their
 * sources, idempotent by region and year, `origin` in every read and in `EvaluationPublished`. Each test uses its own
 * regions (Jawa Tengah's kota) and years, so the tests share one database.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class RecordedEvaluationTest {

    static final String IMPORTER = Tokens.forUser("history-importer", "importer");
    static final String SOURCE = "https://example.org/monev/2019/magelang";

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    /** Kota Kediri's 2022 figures for another region and year, with {@code sources}. */
    static String recorded(int year, String code, String index) {
        return EvaluationFlowTest.record(year, code, index, null)
                .replace("\"sourceTitle\":\"Nusadaily, 29 Dec 2022; bangsaonline.com\",\"sourceUrl\":\"https://bangsaonline.com/berita/113379/\"",
                        "\"sources\":[{\"title\":\"Hasil monev " + year + "\",\"url\":\"" + SOURCE + "\",\"publishedOn\":\"" + year + "-12-20\"}]");
    }

    @Test
    void theImporterRecordsAResultWithItsSourcesAndItIsReadAndPublishedAsRecorded() throws Exception {
        try (KafkaEvents events = KafkaEvents.on(Evaluations.TOPIC)) {
            String body = recorded(2019, "33.71", "3.10");
            var created = as(IMPORTER).body(body).post("/api/v1/evaluations").then().log().ifValidationFails()
                    .statusCode(201).header("ETag", "\"1\"").header("Location", containsString("/api/v1/evaluations/"))
                    .body("origin", equalTo("RECORDED")).body("source", equalTo("RECORDED"))
                    .body("sources[0].url", equalTo(SOURCE)).body("sources[0].publishedOn", equalTo("2019-12-20"))
                    .body("sourceUrl", equalTo(SOURCE)).body("sourceTitle", equalTo("Hasil monev 2019"))
                    .body("cycleId", nullValue()).extract();
            String id = created.path("id");
            as(MINISTRY).get("/api/v1/evaluations/" + id).then().statusCode(200).body("origin", equalTo("RECORDED"))
                    .body("sources.size()", equalTo(1));
            as(MINISTRY).get("/api/v1/evaluations?year=2019&provinceCode=33").then().statusCode(200)
                    .body("items.find { it.id == '" + id + "' }.origin", equalTo("RECORDED"));
            as(MINISTRY).get("/api/v1/evaluation-histories/33.71").then().statusCode(200)
                    .body("evaluations[0].origin", equalTo("RECORDED"));
            ConsumerRecord<String, String> record = events.awaitRecord(r -> "33.71".equals(r.key())
                    && "id.kotacerdas.assessment.EvaluationPublished.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(15));
            JsonNode data = Evaluations.JSON.readTree(record.value());
            assertThat(data.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(data.get("recordId").asText()).isEqualTo(id);
            assertThat(data.get("cycleId").isNull()).isTrue();
            assertThat(data.get("sources").get(0).get("url").asText()).isEqualTo(SOURCE);
            assertThat(data.get("occurred").get("date").asText()).isEqualTo("2019");
        }
    }

    @Test
    void theSameFiguresAgainAnswer200WithTheStoredResultAndWriteNothing() throws Exception {
        String body = recorded(2019, "33.72", "3.10");
        String id = as(IMPORTER).body(body).post("/api/v1/evaluations").then().statusCode(201).extract().path("id");
        long writes = Api.writes();
        as(IMPORTER).body(body).post("/api/v1/evaluations").then().statusCode(200).body("id", equalTo(id))
                .header("ETag", "\"1\"");
        // 3.1 is 3.10; an Idempotency-Key never seen does not make it a new fact either
        as(MINISTRY).header("Idempotency-Key", UUID.randomUUID().toString()).body(body.replace("\"index\":3.10", "\"index\":3.1"))
                .post("/api/v1/evaluations").then().statusCode(200).body("id", equalTo(id));
        assertThat(Api.writes()).isEqualTo(writes);
        assertThat(Api.count("SELECT count(*) FROM evaluation WHERE region_code = '33.72' AND year = 2019")).isEqualTo(1);
    }

    @Test
    void differingFiguresForTheSameRegionAndYearAre409NamingTheFieldAndChangeNothing() throws Exception {
        String body = recorded(2019, "33.73", "3.10");
        String id = as(IMPORTER).body(body).post("/api/v1/evaluations").then().statusCode(201).extract().path("id");
        long writes = Api.writes();
        as(IMPORTER).body(body.replace("\"OUTPUT\":3.21", "\"OUTPUT\":3.22")).post("/api/v1/evaluations").then()
                .statusCode(409).body("violations[0].field", equalTo("dimensions.OUTPUT"))
                .body("detail", containsString("use a correction")).body("detail", containsString(id));
        as(IMPORTER).body(body.replace("\"nationalRank\":22", "\"nationalRank\":23")).post("/api/v1/evaluations").then()
                .statusCode(409).body("violations[0].field", equalTo("nationalRank"));
        as(IMPORTER).body(body.replace(SOURCE, "https://example.org/other")).post("/api/v1/evaluations").then()
                .statusCode(409).body("violations[0].field", equalTo("sources"));
        assertThat(Api.writes()).isEqualTo(writes);
    }

    @Test
    void aRecordingWithoutSourcesIs400NamingSourcesAndTheOlderSingleSourceStillWorks() throws Exception {
        long writes = Api.writes();
        String bare = recorded(2019, "33.74", "3.10").replaceAll(",\\s*\"sources\":\\[[^\\]]*\\]", "");
        as(IMPORTER).body(bare).post("/api/v1/evaluations").then().statusCode(400)
                .body("violations[0].field", equalTo("sources"));
        as(IMPORTER).body(bare.replace("}", "").trim() + ",\"sources\":[]}").post("/api/v1/evaluations").then()
                .statusCode(400);
        as(IMPORTER).body(recorded(2019, "33.74", "3.10").replace(SOURCE, "ftp://example.org/x"))
                .post("/api/v1/evaluations").then().statusCode(400).body("violations[0].field", equalTo("sources[0].url"));
        assertThat(Api.writes()).isEqualTo(writes);
        // sourceTitle + sourceUrl alone: one source
        as(MINISTRY).body(EvaluationFlowTest.record(2019, "33.74", "3.10", null)).post("/api/v1/evaluations").then()
                .statusCode(201).body("sources[0].url", equalTo("https://bangsaonline.com/berita/113379/"))
                .body("sources[0].title", equalTo("Nusadaily, 29 Dec 2022; bangsaonline.com"));
    }

    @Test
    void theImporterMayOnlyRecord() {
        String id = as(IMPORTER).body(recorded(2018, "33.75", "3.10")).post("/api/v1/evaluations").then().statusCode(201)
                .extract().path("id");
        as(IMPORTER).get("/api/v1/evaluations/" + id).then().statusCode(403);
        as(IMPORTER).get("/api/v1/evaluations?year=2018").then().statusCode(403);
        as(IMPORTER).body("{\"year\":2071,\"framework\":{\"code\":\"kominfo-evaluation\",\"version\":1}}")
                .post("/api/v1/evaluation-cycles").then().statusCode(403);
        as(Api.INTEGRATOR).body(recorded(2018, "33.76", "3.10")).post("/api/v1/evaluations").then().statusCode(403);
    }
}
