package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.ASSESSOR_A;
import static id.kotacerdas.assessment.Api.ASSESSOR_B;
import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.INTEGRATOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.OFFICER_METRO;
import static id.kotacerdas.assessment.Api.OFFICER_TABANAN;
import static id.kotacerdas.assessment.Api.as;
import static id.kotacerdas.assessment.Api.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The yearly evaluation through the API: who is due from the other services' events (redelivered, out of order),
 * self-assessment, scores, publication with ranks that share ties, deltas, letters, and the reads; with its events on
 * Kafka. Years are the test's own (evaluation 2023 here), so the tests of the module share one database.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class EvaluationFlowTest {

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    static void awaitProcessed(String... eventIds) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            long n = 0;
            for (String id : eventIds) {
                n += count("SELECT count(*) FROM processed_event WHERE event_id = '" + id + "'");
            }
            return n == eventIds.length;
        });
    }

    static boolean published(ConsumerRecord<String, String> r, String code, String cycleId) {
        return code.equals(r.key()) && "id.kotacerdas.assessment.EvaluationPublished.v1".equals(KafkaEvents.header(r, "ce_type"))
                && (cycleId == null || r.value().contains(cycleId));
    }

    @Test
    void aYearIsEvaluatedFromTheDueListToPublishedRanksDeltasAndLetters() throws Exception {
        // the due list from the events: KSB's masterplan ratified in 2022 (delivered twice, and a MouSigned of 2022 too);
        // Kota Kediri's MoUs of 2021 and, arriving later, 2019 (the earliest wins); 52.03's MoU of 2023: due only from 2024
        String ksb = UUID.randomUUID().toString();
        String ksbMou = UUID.randomUUID().toString();
        String kediri2021 = UUID.randomUUID().toString();
        String kediri2019 = UUID.randomUUID().toString();
        String later = UUID.randomUUID().toString();
        String skipped = UUID.randomUUID().toString();
        Evaluations.send(Evaluations.ratified(ksb, "52.07", "2022-09-01"), Evaluations.ratified(ksb, "52.07", "2022-09-01"),
                Evaluations.mouSigned(kediri2021, "35.71", 2021), Evaluations.mouSigned(later, "52.03", 2023),
                Evaluations.cloudEvent(Evaluations.MASTERPLAN_TOPIC, "/kotacerdas/masterplan-service",
                        "id.kotacerdas.masterplan.MasterplanOpened.v1", "52.07", skipped, Map.of("regionCode", "52.07")));
        Evaluations.send(Evaluations.mouSigned(ksbMou, "52.07", 2022), Evaluations.mouSigned(kediri2019, "35.71", 2019));
        awaitProcessed(ksb, ksbMou, kediri2021, kediri2019, later);
        // a type of the producer this consumer does not handle: skipped by the inbox, not recorded, not dead-lettered
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = '" + skipped + "'")).isZero();
        assertThat(count("SELECT count(*) FROM evaluation_due WHERE region_code = '52.07'")).isEqualTo(2);
        assertThat(count("SELECT due_from_year FROM evaluation_due WHERE region_code = '35.71'")).isEqualTo(2020);
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = '" + ksb + "'")).isEqualTo(1);

        // Kota Kediri's published history of 2021 and 2022, recorded
        // 2021: the sources give only its index
        as(MINISTRY).body(record(2021, "35.71", "3.06", null).replaceAll("\"(dimensions|pillars)\":\\{[^}]*},", ""))
                .post("/api/v1/evaluations").then().statusCode(201)
                .body("firstEvaluation", equalTo(true)).body("delta", nullValue())
                .body("index", equalTo(3.06f)).body("dimensions", nullValue()).body("check", nullValue());
        // (its letter B-1003/DJAI/AI.01.04/12/2022 is left out: the 2022 counter belongs to AssessmentFlowTest's letters)
        as(MINISTRY).body(record(2022, "35.71", "3.31", null)).post("/api/v1/evaluations").then()
                .statusCode(201).body("delta.previousYear", equalTo(2021)).body("delta.index", equalTo(0.25f))
                // a real published case: its dimensions with Sleman's weights give 3.257 → 3.26, not 3.31: kept, flagged
                .body("index", equalTo(3.31f)).body("check.publishedIndex", equalTo(3.31f))
                .body("check.computedIndex", equalTo(3.26f)).body("check.computedExact", equalTo(3.257f))
                .body("check.agrees", equalTo(false)).body("check.tolerance", equalTo(0.01f))
                .body("check.framework", equalTo("kominfo-evaluation v1")).body("check.weights.OUTCOME", equalTo(30))
                .body("check.rule", containsString("half up"));

        try (KafkaEvents events = KafkaEvents.on(Evaluations.TOPIC)) {
            Evaluations.Cycle cycle = new Evaluations.Cycle(2023);
            as(INTEGRATOR).get(cycle.path("")).then().statusCode(404); // drafts: ministry and auditors only
            cycle.add("52.08", "52.71", "18.72");
            as(MINISTRY).get(cycle.path("/regions")).then().statusCode(200)
                    .body("items.find { it.regionCode == '52.07' }.basis", equalTo("MASTERPLAN_RATIFIED"))
                    .body("items.find { it.regionCode == '52.07' }.dueFromYear", equalTo(2023))
                    .body("items.find { it.regionCode == '52.07' }.preview", equalTo(true))
                    .body("items.find { it.regionCode == '35.71' }.basis", equalTo("PROGRAMME_YEAR"))
                    .body("items.find { it.regionCode == '35.71' }.dueFromYear", equalTo(2020))
                    .body("items.find { it.regionCode == '52.08' }.basis", equalTo("MANUAL"))
                    .body("items.regionCode", not(hasItem("52.03")));

            cycle.move("SELF_ASSESSMENT");
            JsonNode opened = Evaluations.JSON.readTree(events.awaitRecord(r -> cycle.id.equals(r.key())
                    && "id.kotacerdas.assessment.EvaluationCycleOpened.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(15)).value());
            assertThat(opened.get("year").asInt()).as("deprecated, kept in v1").isEqualTo(2023);
            assertThat(opened.get("evaluationYear").asInt()).isEqualTo(2023);
            assertThat(opened.get("frameworkKey").asText()).isEqualTo("kominfo-evaluation");
            assertThat(opened.get("frameworkCode").asText()).isEqualTo("kominfo-evaluation");
            assertThat(opened.get("regionsDue").asInt()).isEqualTo(5);
            assertThat(opened.get("openedBy").asText()).isEqualTo("ministry");
            as(OFFICER_METRO).get(cycle.path("/regions")).then().statusCode(200).body("items.regionCode", equalTo(List.of("18.72")));

            // Kota Metro's own officer fills in its self-assessment; another region's officer can neither read nor write it
            String tag = as(OFFICER_METRO).get(cycle.path("/self-assessments/18.72")).then().statusCode(200)
                    .body("status", equalTo("DRAFT")).body("indicators", equalTo(30)).extract().header("ETag");
            long writes = Api.writes();
            as(OFFICER_TABANAN).get(cycle.path("/self-assessments/18.72")).then().statusCode(403);
            as(OFFICER_TABANAN).header("If-Match", tag).body("{\"answers\":[]}").put(cycle.path("/self-assessments/18.72"))
                    .then().statusCode(403);
            as(OFFICER_METRO).header("If-Match", tag).body("""
                    {"answers":[{"indicatorCode":"OUTPUT.GOVERNANCE.1","value":7}]}""").put(cycle.path("/self-assessments/18.72"))
                    .then().statusCode(422).body("violations[0].field", equalTo("answers[0].value"));
            assertThat(Api.writes()).isEqualTo(writes);
            tag = as(OFFICER_METRO).header("If-Match", tag).body("""
                    {"answers":[{"indicatorCode":"OUTPUT.GOVERNANCE.1","value":4,"text":"SK Dewan Smart City 2023",
                                 "evidenceLinks":["https://metrokota.go.id/sk-dewan.pdf"]}],
                     "programmes":[{"pillar":"GOVERNANCE","name":"Metro Siger"},{"pillar":"GOVERNANCE","name":"e-Office"},
                                   {"pillar":"ECONOMY","name":"Pasar daring"}]}""").put(cycle.path("/self-assessments/18.72"))
                    .then().statusCode(200).body("answers[0].evidenceLinks[0]", equalTo("https://metrokota.go.id/sk-dewan.pdf"))
                    .body("programmesPerPillar.GOVERNANCE", equalTo(2)).extract().header("ETag");
            as(OFFICER_METRO).header("If-Match", tag).post(cycle.path("/self-assessments/18.72/submission")).then()
                    .statusCode(200).body("status", equalTo("SUBMITTED"));

            // scores after the interviews; refusals name the field and write nothing
            as(ASSESSOR_A).body(Evaluations.uniform("52.07", 3)).post(cycle.path("/scoresheets")).then().statusCode(409)
                    .body("detail", containsString("SELF_ASSESSMENT"));
            cycle.move("INTERVIEWS");
            long sheets = count("evaluation_scoresheet");
            writes = Api.writes();
            as(ASSESSOR_A).body(Evaluations.sheet("52.07", (d, p) -> d.equals("BASELINE") && p.equals("GOVERNANCE") ? 5.5 : 3))
                    .post(cycle.path("/scoresheets")).then().statusCode(422)
                    .body("violations[0].field", equalTo("scores[0].value"))
                    .body("violations[0].message", containsString("from 0 to 5"));
            as(ASSESSOR_A).body(Evaluations.uniform("51.02", 3)).post(cycle.path("/scoresheets")).then().statusCode(422)
                    .body("violations[0].field", equalTo("regionCode")).body("detail", containsString("not due"));
            as(OFFICER_METRO).body(Evaluations.uniform("18.72", 5)).post(cycle.path("/scoresheets")).then().statusCode(403);
            assertThat(count("evaluation_scoresheet")).isEqualTo(sheets);
            assertThat(Api.writes()).isEqualTo(writes);

            // KSB: Kota Kediri's 2022 pillar figures in every dimension → pillars exactly those, index 3.07
            Map<String, Object> pillars = Map.of("GOVERNANCE", 2.75, "BRANDING", 2.75, "ECONOMY", 3.5, "LIVING", 3.33,
                    "SOCIETY", 3.33, "ENVIRONMENT", 2.75);
            cycle.score(ASSESSOR_A, Evaluations.sheet("52.07", (d, p) -> pillars.get(p))).then().statusCode(201)
                    .body("regionIndex", equalTo(3.07f));
            cycle.score(ASSESSOR_A, Evaluations.uniform("52.08", 3.07)).then().statusCode(201);
            cycle.score(ASSESSOR_A, Evaluations.uniform("52.71", 4)).then().statusCode(201);
            cycle.score(ASSESSOR_A, Evaluations.uniform("35.71", 3)).then().statusCode(201);
            // two assessors of Kota Metro: 2 and 3 → 2.5
            cycle.score(ASSESSOR_A, Evaluations.uniform("18.72", 2)).then().statusCode(201);

            as(OFFICER_METRO).get(cycle.path("/scores/18.72")).then().statusCode(200).body("index", equalTo(2.0f))
                    .body("indicators[0].values[0].assessor", equalTo("Assessor 1"));
            as(OFFICER_TABANAN).get(cycle.path("/scores/18.72")).then().statusCode(403);
            as(AUDITOR).get(cycle.path("/scores/52.07")).then().statusCode(200).body("index", equalTo(3.07f))
                    .body("pillars.ECONOMY", equalTo(3.5f)).body("dimensions.size()", equalTo(5))
                    .body("dimensions[0].subDimensions.size()", equalTo(6)).body("rule", containsString("rounded once"));

            // publishing: only from SCORING, and not with a region unscored
            as(MINISTRY).header("If-Match", cycle.etag).body("{}").post(cycle.path("/publication")).then().statusCode(409)
                    .body("detail", containsString("INTERVIEWS"));
            cycle.move("SCORING");
            as(MINISTRY).body("{\"regionCodes\":[\"52.01\"]}").post(cycle.path("/regions")).then().statusCode(409);
            long evaluationsBefore = count("evaluation");
            cycle.score(ASSESSOR_B, Evaluations.uniform("18.72", 3)).then().statusCode(201).body("regionIndex", equalTo(2.5f))
                    .body("regionAssessorCount", equalTo(2));
            writes = Api.writes();
            assertThat(count("evaluation")).isEqualTo(evaluationsBefore);

            as(INTEGRATOR).header("If-Match", cycle.etag).body("{}").post(cycle.path("/publication")).then().statusCode(403);
            as(MINISTRY).body("{\"letterDate\":\"2023-12-05\"}").post(cycle.path("/publication")).then().statusCode(428);
            assertThat(Api.writes()).isEqualTo(writes);
            JsonPath result = as(MINISTRY).header("If-Match", cycle.etag).body("{\"letterIssuedOn\":\"2023-12-05\"}")
                    .post(cycle.path("/publication")).then().log().ifValidationFails().statusCode(200)
                    .body("cycle.state", equalTo("PUBLISHED")).body("regions", equalTo(5)).extract().jsonPath();
            // national ranks (competition: the tie 3.07 shares rank 2, the next is 4), provincial ranks within NTB
            assertThat(result.getList("results.regionCode")).containsExactly("52.71", "52.07", "52.08", "35.71", "18.72");
            assertThat(result.getList("results.nationalRank")).containsExactly(1, 2, 2, 4, 5);
            assertThat(result.getList("results.provincialRank")).containsExactly(1, 2, 2, 1, 1);
            assertThat(result.getList("results.letterNumber", String.class))
                    .allMatch(n -> n.matches("B-\\d+/DJAI/AI\\.01\\.04/12/2023")).doesNotHaveDuplicates();

            String ksbId = result.getString("results.find { it.regionCode == '52.07' }.id");
            as(INTEGRATOR).get("/api/v1/evaluations/" + ksbId).then().statusCode(200)
                    .body("index", equalTo(3.07f)).body("source", equalTo("COMPUTED"))
                    .body("firstEvaluation", equalTo(true)).body("delta", nullValue())
                    .body("deltaNote", containsString("no previous result"))
                    .body("dimensions.BASELINE", equalTo(3.07f)).body("pillars.GOVERNANCE", equalTo(2.75f))
                    .body("pillars.LIVING", equalTo(3.33f)).body("nationalRank", equalTo(2)).body("provincialRank", equalTo(2))
                    .body("rankedInProvince", equalTo(3)).body("programmesPerPillar", nullValue())
                    // computed by the rule: its own framework's weights give its index
                    .body("check.agrees", equalTo(true)).body("check.computedIndex", equalTo(3.07f))
                    .body("check.framework", equalTo("kominfo-evaluation v1"));
            // Kota Kediri's third year: the delta against 2022 (recorded), and Kota Metro's programmes per pillar
            // the former parameter `year` still answers, deprecated, naming its successor
            as(OFFICER_TABANAN).get("/api/v1/evaluations?year=2023&level=KOTA").then().statusCode(200)
                    .header("Deprecation", "true")
                    .header("Link", "</api/v1/evaluations?level=KOTA&evaluationYear=2023>; rel=\"successor-version\"")
                    .body("items.regionCode", equalTo(List.of("52.71", "35.71", "18.72")))
                    .body("items.find { it.regionCode == '35.71' }.delta.previousYear", equalTo(2022))
                    .body("items.find { it.regionCode == '35.71' }.delta.index", equalTo(-0.31f))
                    .body("items.check.agrees", equalTo(List.of(true, true, true)))
                    .body("items.find { it.regionCode == '18.72' }.programmesPerPillar.GOVERNANCE", equalTo(2))
                    .body("items.find { it.regionCode == '18.72' }.programmesPerPillar.SOCIETY", equalTo(0));
            as(INTEGRATOR).get("/api/v1/evaluations?evaluationYear=2023&provinceCode=52").then().statusCode(200)
                    .body("evaluationYear", equalTo(2023)).body("items.evaluationYear", equalTo(List.of(2023, 2023, 2023)))
                    .body("total", equalTo(3)).body("items.provincialRank", equalTo(List.of(1, 2, 2)));
            as(INTEGRATOR).get("/api/v1/evaluations/distribution?evaluationYear=2023&bucketWidth=1").then().statusCode(200)
                    .body("evaluationYear", equalTo(2023)).body("count", equalTo(5)).body("buckets.count", equalTo(List.of(0, 0, 1, 3, 1)))
                    .body("median", equalTo(3.07f)).body("max", equalTo(4.0f));
            as(AUDITOR).get("/api/v1/evaluation-histories/35.71").then().statusCode(200)
                    .body("firstYear", equalTo(2021)).body("index.year", equalTo(List.of(2021, 2022, 2023)))
                    .body("index.value", equalTo(List.of(3.06f, 3.31f, 3.0f)))
                    .body("dimensions.QUICK_WIN.year", equalTo(List.of(2022, 2023))) // 2021: its index only
                    .body("evaluations[1].delta.index", equalTo(0.25f))
                    .body("evaluations[0].check", nullValue()).body("evaluations[1].check.agrees", equalTo(false))
                    .body("evaluations[1].check.publishedIndex", equalTo(3.31f))
                    .body("evaluations[2].check.agrees", equalTo(true))
                    .body("evaluations[2].source", equalTo("COMPUTED"));
            as(INTEGRATOR).get("/api/v1/evaluation-histories/52.07").then().statusCode(200)
                    .body("pillars.ECONOMY[0].value", equalTo(3.5f)).body("evaluations[0].firstEvaluation", equalTo(true));
            as(INTEGRATOR).get("/api/v1/evaluation-histories/99.99").then().statusCode(404);

            // the result letter of KSB as a PDF, with its figures
            String number = result.getString("results.find { it.regionCode == '52.07' }.letterNumber");
            byte[] pdf = as(OFFICER_TABANAN).accept("application/pdf").get("/api/v1/evaluations/" + ksbId + "/letter").then()
                    .statusCode(200).contentType("application/pdf").extract().asByteArray();
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf))
                    .getTextFromPage(1).replaceAll("\\s+", " ");
            assertThat(text).contains(number, "5 Desember 2023", "Kabupaten Sumbawa Barat", "Indeks Pencapaian 3.07",
                    "peringkat nasional 2 dari 5", "Smart Economy: 3.50", "Baseline: 3.07");

            // the events: one per region, keyed by its code
            JsonNode ksbEvent = Evaluations.JSON.readTree(events.awaitRecord(r -> published(r, "52.07", cycle.id),
                    Duration.ofSeconds(15)).value());
            assertThat(ksbEvent.get("source").asText()).isEqualTo("COMPUTED");
            assertThat(ksbEvent.get("level").asText()).isEqualTo("KABUPATEN");
            assertThat(ksbEvent.get("regionName").asText()).isEqualTo("Kabupaten Sumbawa Barat");
            assertThat(ksbEvent.get("provinceCode").asText()).isEqualTo("52");
            assertThat(ksbEvent.get("index").decimalValue()).isEqualByComparingTo("3.07");
            assertThat(ksbEvent.get("dimensions").get("QUICK_WIN").decimalValue()).isEqualByComparingTo("3.07");
            assertThat(ksbEvent.get("pillars").get("ECONOMY").decimalValue()).isEqualByComparingTo("3.50");
            assertThat(ksbEvent.get("delta").isNull()).isTrue();
            assertThat(ksbEvent.get("nationalRank").asInt()).isEqualTo(2);
            assertThat(ksbEvent.get("provincialRank").asInt()).isEqualTo(2);
            assertThat(ksbEvent.get("letterNumber").asText()).isEqualTo(number);
            assertThat(ksbEvent.get("letterDate").asText()).isEqualTo("2023-12-05");
            JsonNode kediri = Evaluations.JSON.readTree(events.awaitRecord(r -> published(r, "35.71", cycle.id),
                    Duration.ofSeconds(15)).value());
            assertThat(kediri.get("delta").get("previousYear").asInt()).isEqualTo(2022);
            assertThat(kediri.get("delta").get("index").decimalValue()).isEqualByComparingTo("-0.31");
            assertThat(kediri.get("level").asText()).isEqualTo("KOTA");

            // published: nothing changes any more but the closing
            as(ASSESSOR_A).body(Evaluations.uniform("52.08", 5)).post(cycle.path("/scoresheets")).then().statusCode(409);
            as(MINISTRY).header("If-Match", cycle.etag).body("{}").post(cycle.path("/publication")).then().statusCode(412);
            cycle.etag = as(MINISTRY).get(cycle.path("")).then().statusCode(200).extract().header("ETag");
            as(MINISTRY).header("If-Match", cycle.etag).body("{}").post(cycle.path("/publication")).then().statusCode(409);
            cycle.move("CLOSED");
            as(AUDITOR).get(cycle.path("/audit-entries")).then().statusCode(200)
                    .body("items.action", hasItems("EVALUATION_PUBLISHED", "EVALUATION_SELF_ASSESSMENT_SUBMITTED",
                            "EVALUATION_SCORESHEET_CREATED", "EVALUATION_REGION_DUE"));
        }
    }

    @Test
    void publishingWithARegionUnscoredIsRefusedNamingItAndChangesNothing() throws Exception {
        Evaluations.Cycle cycle = new Evaluations.Cycle(2061).add("51.02", "51.71");
        cycle.move("SELF_ASSESSMENT").move("INTERVIEWS").move("SCORING");
        cycle.score(ASSESSOR_A, Evaluations.uniform("51.02", 4)).then().statusCode(201);
        long writes = Api.writes();
        long results = count("evaluation");
        as(MINISTRY).header("If-Match", cycle.etag).body("{}").post(cycle.path("/publication")).then().statusCode(422)
                .body("violations.field", hasItem("regions[51.71]")).body("violations.field", not(hasItem("regions[51.02]")))
                .body("detail", containsString("Kota Denpasar (51.71) has no assessor's scoresheet"));
        assertThat(Api.writes()).isEqualTo(writes);
        assertThat(count("evaluation")).isEqualTo(results);
        as(MINISTRY).get(cycle.path("")).then().body("state", equalTo("SCORING")).header("ETag", equalTo(cycle.etag));
        // one evaluation per year; the framework must be an EVALUATION framework, and a readiness cycle cannot use one
        as(MINISTRY).body("{\"evaluationYear\":2061,\"framework\":{\"code\":\"kominfo-evaluation\",\"version\":1}}")
                .post("/api/v1/evaluation-cycles").then().statusCode(409);
        as(MINISTRY).body("{\"evaluationYear\":2062,\"framework\":{\"code\":\"kominfo-readiness\",\"version\":2}}")
                .post("/api/v1/evaluation-cycles").then().statusCode(422)
                .body("violations[0].field", equalTo("framework")).body("detail", containsString("READINESS"));
        as(MINISTRY).body(Flow.plan(2062, 2063, Flow.FUTURE, 1, 0, null).replace("kominfo-readiness", "kominfo-evaluation")
                .replace("\"version\":2", "\"version\":1")).post("/api/v1/assessment-cycles").then().statusCode(422)
                .body("detail", containsString("EVALUATION framework"));
        assertThat(Api.writes()).isEqualTo(writes);
    }

    @Test
    void theMinistryPublishesANewEvaluationFrameworkVersionWithOtherWeights() throws Exception {
        String exported = as(AUDITOR).get("/api/v1/frameworks/kominfo-evaluation/versions/1/document").then().statusCode(200)
                .body("purpose", equalTo("EVALUATION")).body("criteria.weight", equalTo(List.of(10, 20, 30, 30, 10)))
                .body("criteria[0].subDimensions.pillar", equalTo(List.of(Evaluations.PILLARS)))
                .body("metadata.scaleNote", containsString("0-5")).extract().asString();
        as(AUDITOR).get("/api/v1/frameworks/kominfo-evaluation/versions/2/document").then().statusCode(200)
                .body("criteria.weight", equalTo(List.of(15, 15, 30, 20, 20)))
                .body("metadata.weightNote", containsString("ASSUMPTION"));
        com.fasterxml.jackson.databind.node.ObjectNode doc =
                (com.fasterxml.jackson.databind.node.ObjectNode) Evaluations.JSON.readTree(exported);
        doc.remove("version");
        doc.withArray("criteria").forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).put("weight", 20));
        long versions = count("framework_version");
        com.fasterxml.jackson.databind.node.ObjectNode renamed = doc.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) renamed.withArray("criteria").get(4)).put("code", "INNOVATION");
        as(MINISTRY).body(renamed.toString()).post("/api/v1/frameworks").then().statusCode(422)
                .body("violations.field", hasItem("criteria[4].code"));
        assertThat(count("framework_version")).isEqualTo(versions);
        String tag = as(MINISTRY).body(doc.toString()).post("/api/v1/frameworks").then().statusCode(201)
                .body("version", equalTo(3)).body("status", equalTo("DRAFT")).extract().header("ETag");
        as(MINISTRY).body("{\"evaluationYear\":2064,\"framework\":{\"code\":\"kominfo-evaluation\",\"version\":3}}")
                .post("/api/v1/evaluation-cycles").then().statusCode(422).body("detail", containsString("DRAFT"));
        as(MINISTRY).header("If-Match", tag).post("/api/v1/frameworks/kominfo-evaluation/versions/3/publication").then()
                .statusCode(200);
        as(MINISTRY).body("{\"evaluationYear\":2064,\"framework\":{\"code\":\"kominfo-evaluation\",\"version\":3}}")
                .post("/api/v1/evaluation-cycles").then().statusCode(201).body("framework.version", equalTo(3));
    }

    @Test
    void pastFiguresAreRecordedWithTheirSourceAndBadFiguresChangeNothing() throws Exception {
        long writes = Api.writes();
        as(MINISTRY).body(record(2022, "35.72", "5.60", null).replace("\"BASELINE\":3.60", "\"BASELINE\":5.6"))
                .post("/api/v1/evaluations").then().statusCode(422)
                .body("violations.field", hasItems("index", "dimensions.BASELINE"));
        as(MINISTRY).body(record(2022, "35.72", "3.1", null).replace(",\"QUICK_WIN\":3.65", ""))
                .post("/api/v1/evaluations").then().statusCode(422)
                .body("violations.field", hasItem("dimensions.QUICK_WIN"));
        as(MINISTRY).body(record(2019, "35.72", "3.1", "B-7/DJAI/AI.01.04/11/2019")).post("/api/v1/evaluations").then()
                .statusCode(422).body("violations[0].field", equalTo("letterNumber"));
        as(MINISTRY).body(record(2019, "35.72", "3.1", "B-7/DJAI/AI.01.02/12/2019")).post("/api/v1/evaluations").then()
                .statusCode(400).body("violations[0].field", containsString("letterNumber"));
        as(INTEGRATOR).body(record(2022, "35.72", "3.1", null)).post("/api/v1/evaluations").then().statusCode(403);
        assertThat(Api.writes()).isEqualTo(writes);

        try (KafkaEvents events = KafkaEvents.on(Evaluations.TOPIC)) {
            String key = UUID.randomUUID().toString();
            String body = record(2019, "35.72", "3.10", "B-2001/DJAI/AI.01.04/12/2019");
            String id = as(MINISTRY).header("Idempotency-Key", key).body(body).post("/api/v1/evaluations").then()
                    .statusCode(201).body("source", equalTo("RECORDED")).body("regionName", equalTo("Kota Blitar"))
                    .body("letterPdf", containsString("/letter")).extract().path("id");
            as(MINISTRY).header("Idempotency-Key", key).body(body).post("/api/v1/evaluations").then().statusCode(201)
                    .header("Idempotent-Replayed", "true").body("id", equalTo(id));
            long after = Api.writes();
            // the same figures again (no key): the stored result, nothing written (issue 18: idempotent by region and year)
            as(MINISTRY).body(body).post("/api/v1/evaluations").then().statusCode(200).body("id", equalTo(id));
            as(MINISTRY).body(record(2018, "35.72", "3.00", "B-2001/DJAI/AI.01.04/12/2019").replace("2018-12-05", "2019-12-05"))
                    .post("/api/v1/evaluations").then().statusCode(409)
                    .body("detail", containsString("never reused"));
            assertThat(Api.writes()).isEqualTo(after);
            JsonNode recorded = Evaluations.JSON.readTree(events.awaitRecord(r -> published(r, "35.72", null),
                    Duration.ofSeconds(15)).value());
            assertThat(recorded.get("source").asText()).isEqualTo("RECORDED");
            assertThat(recorded.get("cycleId").isNull()).isTrue();
            assertThat(recorded.get("frameworkKey").isNull()).isTrue();
            assertThat(recorded.get("frameworkCode").isNull()).isTrue();
            assertThat(recorded.get("nationalRank").asInt()).isEqualTo(22);
            assertThat(recorded.get("letterNumber").asText()).isEqualTo("B-2001/DJAI/AI.01.04/12/2019");
            // the counter shared with the assessment's letters: the next 2019 letter of either kind comes after B-2001
            assertThat(count("SELECT last_seq FROM result_letter_counter WHERE number_year = 2019")).isGreaterThanOrEqualTo(2001);
        }
    }

    @Test
    void aMasterplanRatifiedThatCannotBeReadGoesToTheDeadLetterTopicAndMakesNoRegionDue() throws Exception {
        String eventId = UUID.randomUUID().toString();
        try (KafkaEvents dlq = KafkaEvents.on(Evaluations.MASTERPLAN_TOPIC + ".dlq")) {
            Evaluations.send(Evaluations.cloudEvent(Evaluations.MASTERPLAN_TOPIC, "/kotacerdas/masterplan-service",
                    "id.kotacerdas.masterplan.MasterplanRatified.v1", "99.99", eventId, Map.of("regionCode", "not a code")));
            ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> eventId.equals(KafkaEvents.header(r, "ce_id")),
                    Duration.ofSeconds(30));
            assertThat(KafkaEvents.header(dead, "kotacerdas-dlq-poison")).isEqualTo("true");
        }
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = '" + eventId + "'")).isZero();
        assertThat(count("SELECT count(*) FROM evaluation_due WHERE event_id = '" + eventId + "'")).isZero();
    }

    /** A past year's figures as published, with Kota Kediri's 2022 dimension and pillar scores. */
    static String record(int year, String code, String index, String letter) {
        return """
                {"evaluationYear":%d,"regionCode":"%s","index":%s,
                 "dimensions":{"BASELINE":3.60,"OUTPUT":3.21,"OUTCOME":3.23,"IMPACT":3.07,"QUICK_WIN":3.65},
                 "pillars":{"GOVERNANCE":2.75,"BRANDING":2.75,"ECONOMY":3.5,"LIVING":3.33,"SOCIETY":3.33,"ENVIRONMENT":2.75},
                 "nationalRank":22,"provincialRank":4%s,
                 "sourceTitle":"Nusadaily, 29 Dec 2022; bangsaonline.com","sourceUrl":"https://bangsaonline.com/berita/113379/"}"""
                .formatted(year, code, index, letter == null ? ""
                        : ",\"letterNumber\":\"" + letter + "\",\"letterIssuedOn\":\"" + year + "-12-05\"");
    }
}
