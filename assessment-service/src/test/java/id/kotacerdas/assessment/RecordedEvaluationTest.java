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
            as(MINISTRY).get("/api/v1/evaluations?evaluationYear=2019&provinceCode=33").then().statusCode(200)
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
        // the former name `year` is still accepted
        as(MINISTRY).body(EvaluationFlowTest.record(2019, "33.74", "3.10", null).replace("\"evaluationYear\"", "\"year\""))
                .post("/api/v1/evaluations").then()
                .statusCode(201).body("evaluationYear", equalTo(2019)).body("sources[0].url", equalTo("https://bangsaonline.com/berita/113379/"))
                .body("sources[0].title", equalTo("Nusadaily, 29 Dec 2022; bangsaonline.com"));
    }

    @Test
    void theImporterMayOnlyRecord() {
        String id = as(IMPORTER).body(recorded(2018, "33.75", "3.10")).post("/api/v1/evaluations").then().statusCode(201)
                .extract().path("id");
        as(IMPORTER).get("/api/v1/evaluations/" + id).then().statusCode(403);
        as(IMPORTER).get("/api/v1/evaluations?evaluationYear=2018").then().statusCode(403);
        as(IMPORTER).body("{\"evaluationYear\":2071,\"framework\":{\"code\":\"kominfo-evaluation\",\"version\":1}}")
                .post("/api/v1/evaluation-cycles").then().statusCode(403);
        as(Api.INTEGRATOR).body(recorded(2018, "33.76", "3.10")).post("/api/v1/evaluations").then().statusCode(403);
    }

    static String correction(String changes) {
        return "{\"reason\":\"The source gives OUTPUT 3.12\",\"sources\":[{\"url\":\"https://example.org/erratum\"}],"
                + "\"changes\":" + changes + "}";
    }

    static final String OUTPUT_312 = "{\"dimensions\":{\"BASELINE\":3.60,\"OUTPUT\":3.12,\"OUTCOME\":3.23,\"IMPACT\":3.07,\"QUICK_WIN\":3.65}}";

    @Test
    void theMinistryCorrectsARecordedResultUnderIfMatchAndItsEarlierValueStaysReadable() throws Exception {
        String id = as(IMPORTER).body(recorded(2019, "32.77", "3.26")).post("/api/v1/evaluations").then().statusCode(201).body("check.agrees", equalTo(true))
                .extract().path("id");
        String path = "/api/v1/evaluations/" + id;
        long writes = Api.writes();
        as(MINISTRY).body(correction(OUTPUT_312)).post(path + "/corrections").then().statusCode(428);
        as(MINISTRY).header("If-Match", "\"7\"").body(correction(OUTPUT_312)).post(path + "/corrections").then().statusCode(412);
        as(IMPORTER).header("If-Match", "\"1\"").body(correction(OUTPUT_312)).post(path + "/corrections").then().statusCode(403);
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{}")).post(path + "/corrections").then().statusCode(400)
                .body("violations[0].field", equalTo("changes"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"nationalRank\":22}")).post(path + "/corrections").then()
                .statusCode(400).body("violations[0].field", equalTo("changes"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"year\":2020}")).post(path + "/corrections").then()
                .statusCode(400).body("violations[0].field", equalTo("changes.year"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction(OUTPUT_312).replace("[{\"url\":\"https://example.org/erratum\"}]", "[]"))
                .post(path + "/corrections").then().statusCode(400).body("violations[0].field", equalTo("sources"));
        assertThat(Api.writes()).isEqualTo(writes);
        assertThat(Api.count("SELECT count(*) FROM evaluation_revision WHERE evaluation_id = '" + id + "'")).isZero();

        try (KafkaEvents events = KafkaEvents.on(Evaluations.TOPIC)) {
            as(MINISTRY).header("If-Match", "\"1\"").body(correction(OUTPUT_312)).post(path + "/corrections").then()
                    .log().ifValidationFails().statusCode(200).header("ETag", "\"2\"").body("revision", equalTo(2))
                    .body("dimensions.OUTPUT", equalTo(3.12f)).body("check.computedExact", equalTo(3.239f))
                    .body("check.agrees", equalTo(false)).body("withdrawn", nullValue());
            JsonNode data = Evaluations.JSON.readTree(events.awaitRecord(r -> "32.77".equals(r.key())
                    && "id.kotacerdas.assessment.EvaluationCorrected.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(15)).value());
            assertThat(data.get("evaluationId").asText()).isEqualTo(id);
            assertThat(data.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(data.get("dimensions").get("OUTPUT").decimalValue()).isEqualByComparingTo("3.12");
            assertThat(data.get("correction").get("revision").asInt()).isEqualTo(2);
            assertThat(data.get("correction").get("changed").get(0).asText()).isEqualTo("dimensions");
            assertThat(data.get("correction").get("previous").get("dimensions").get("OUTPUT").decimalValue())
                    .isEqualByComparingTo("3.21");
            assertThat(data.get("correction").get("sources").get(0).get("url").asText()).isEqualTo("https://example.org/erratum");
        }
        as(MINISTRY).get(path).then().statusCode(200).header("ETag", "\"2\"").body("dimensions.OUTPUT", equalTo(3.12f));
        as(MINISTRY).get(path + "/revisions").then().log().ifValidationFails().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].revision", equalTo(1)).body("items[0].by", equalTo("history-importer"))
                .body("items[0].value.dimensions.OUTPUT", equalTo(3.21f)).body("items[0].sources[0].url", equalTo(SOURCE));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"nationalRank\":21}")).post(path + "/corrections").then()
                .statusCode(412);
        assertThat(Api.count("SELECT count(*) FROM audit_entry WHERE action = 'EVALUATION_CORRECTED' AND resource_id = '32.77/2019'"))
                .isEqualTo(1);
        // recording the first figures again is now a conflict (the stored ones were corrected)
        as(IMPORTER).body(recorded(2019, "32.77", "3.26")).post("/api/v1/evaluations").then().statusCode(409)
                .body("violations[0].field", equalTo("dimensions.OUTPUT"));
    }

    @Test
    void aWithdrawnResultLeavesTheTableAndTheHistoryAndTheNextDeltaReadsThePreviousRemainingResult() throws Exception {
        as(IMPORTER).body(recorded(2018, "32.78", "3.00")).post("/api/v1/evaluations").then().statusCode(201);
        String wrong = as(IMPORTER).body(recorded(2019, "32.78", "3.20")).post("/api/v1/evaluations").then().statusCode(201)
                .extract().path("id");
        as(IMPORTER).body(recorded(2020, "32.78", "3.50")).post("/api/v1/evaluations").then().statusCode(201);
        as(MINISTRY).get("/api/v1/evaluation-histories/32.78").then().statusCode(200)
                .body("evaluations[2].delta.previousYear", equalTo(2019));
        int before = as(MINISTRY).get("/api/v1/evaluations/distribution?evaluationYear=2019&provinceCode=32").then().statusCode(200)
                .extract().path("count");
        String path = "/api/v1/evaluations/" + wrong;
        String withdrawal = "{\"reason\":\"Recorded twice\",\"sources\":[{\"url\":\"https://example.org/why\"}]}";
        as(MINISTRY).body(withdrawal).post(path + "/withdrawal").then().statusCode(428);
        as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"Recorded twice\"}").post(path + "/withdrawal").then()
                .statusCode(400).body("violations[0].field", equalTo("sources"));
        as(IMPORTER).header("If-Match", "\"1\"").body(withdrawal).post(path + "/withdrawal").then().statusCode(403);
        try (KafkaEvents events = KafkaEvents.on(Evaluations.TOPIC)) {
            as(MINISTRY).header("If-Match", "\"1\"").body(withdrawal).post(path + "/withdrawal").then().statusCode(200)
                    .header("ETag", "\"2\"").body("withdrawn.reason", equalTo("Recorded twice"))
                    .body("withdrawn.by", equalTo("ministry")).body("withdrawn.sources[0].url", equalTo("https://example.org/why"));
            JsonNode data = Evaluations.JSON.readTree(events.awaitRecord(r -> "32.78".equals(r.key())
                    && "id.kotacerdas.assessment.EvaluationWithdrawn.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(15)).value());
            assertThat(data.get("evaluationId").asText()).isEqualTo(wrong);
            assertThat(data.get("year").asInt()).isEqualTo(2019);
            assertThat(data.get("withdrawal").get("revision").asInt()).isEqualTo(2);
        }
        as(MINISTRY).get(path).then().statusCode(200).body("withdrawn.reason", equalTo("Recorded twice"));
        as(MINISTRY).get("/api/v1/evaluations?evaluationYear=2019&provinceCode=32").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(wrong)));
        as(MINISTRY).get("/api/v1/evaluations?evaluationYear=2019&provinceCode=32&includeWithdrawn=true").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(wrong));
        as(MINISTRY).get("/api/v1/evaluations/distribution?evaluationYear=2019&provinceCode=32").then().statusCode(200)
                .body("count", equalTo(before - 1));
        as(MINISTRY).get("/api/v1/evaluation-histories/32.78").then().statusCode(200)
                .body("evaluations.evaluationYear", org.hamcrest.Matchers.contains(2018, 2020))
                .body("evaluations[1].delta.previousYear", equalTo(2018))
                .body("evaluations[1].delta.index", equalTo(0.5f)).body("index.year", org.hamcrest.Matchers.contains(2018, 2020));
        // final: no correction, no second withdrawal
        as(MINISTRY).header("If-Match", "\"2\"").body(correction(OUTPUT_312)).post(path + "/corrections").then().statusCode(409);
        as(MINISTRY).header("If-Match", "\"2\"").body(withdrawal).post(path + "/withdrawal").then().statusCode(409);
        // the importer run again does not bring it back; other figures for 2019 are a new result
        as(IMPORTER).body(recorded(2019, "32.78", "3.20")).post("/api/v1/evaluations").then().statusCode(200)
                .body("id", equalTo(wrong)).body("withdrawn.reason", equalTo("Recorded twice"));
        as(IMPORTER).body(recorded(2019, "32.78", "3.25")).post("/api/v1/evaluations").then().statusCode(201)
                .body("revision", equalTo(1));
    }

    @Test
    void aLiveResultOfAPublishedCycleIsNotCorrectableHere() throws Exception {
        // the old name `year` is still accepted in the request; the response says evaluationYear only
        String cycle = as(MINISTRY).body("{\"year\":2072,\"framework\":{\"code\":\"kominfo-evaluation\",\"version\":1}}")
                .post("/api/v1/evaluation-cycles").then().statusCode(201)
                .body("evaluationYear", equalTo(2072)).body("year", nullValue()).extract().path("id");
        String id = UUID.randomUUID().toString();
        Api.execute("INSERT INTO evaluation (id, year, region_code, region_name, region_level, province_code, province_name, "
                + "source, cycle_id, framework_code, framework_version, index_score, dimensions, published_at, published_by) "
                + "VALUES ('" + id + "', 2072, '32.79', 'Kota X', 'KOTA', '32', 'Jawa Barat', 'COMPUTED', '" + cycle
                + "', 'kominfo-evaluation', 1, 3.10, '{\"BASELINE\":3.1,\"OUTPUT\":3.1,\"OUTCOME\":3.1,\"IMPACT\":3.1,\"QUICK_WIN\":3.1}', now(), 'ministry')");
        as(MINISTRY).get("/api/v1/evaluations/" + id).then().statusCode(200).body("origin", equalTo("LIVE"))
                .body("sources.size()", equalTo(0)).body("revision", equalTo(1));
        long writes = Api.writes();
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"index\":3.2}")).post("/api/v1/evaluations/" + id + "/corrections")
                .then().statusCode(409).body("detail", containsString("LIVE"));
        as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"x\",\"sources\":[{\"url\":\"https://example.org/x\"}]}")
                .post("/api/v1/evaluations/" + id + "/withdrawal").then().statusCode(409);
        as(IMPORTER).header("If-Match", "\"1\"").body(correction("{\"index\":3.2}")).post("/api/v1/evaluations/" + id + "/corrections")
                .then().statusCode(403);
        // a recording for the region and year of a LIVE result
        as(IMPORTER).body(recorded(2072, "32.79", "3.10")).post("/api/v1/evaluations").then().statusCode(409)
                .body("detail", containsString("LIVE"));
        assertThat(Api.writes()).isEqualTo(writes);
    }
}
