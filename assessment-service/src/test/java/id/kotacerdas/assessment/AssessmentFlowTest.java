package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.ASSESSOR_A;
import static id.kotacerdas.assessment.Api.ASSESSOR_B;
import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.INTEGRATOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.OFFICER_METRO;
import static id.kotacerdas.assessment.Api.OFFICER_TABANAN;
import static id.kotacerdas.assessment.Api.TOPIC;
import static id.kotacerdas.assessment.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
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
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A cycle from opening to the selection, through the API, with its events on Kafka. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class AssessmentFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OFFICER_BANDAR_LAMPUNG = Tokens.forRegionOfficer("officer-bandarlampung", "18.71");
    static final String OFFICER_LAMPUNG = Tokens.forRegionOfficer("officer-lampung", "18");

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    static boolean is(ConsumerRecord<String, String> r, String key, String type, String cycleId) {
        return key.equals(r.key()) && ("id.kotacerdas.assessment." + type + ".v1").equals(KafkaEvents.header(r, "ce_type"))
                && r.value() != null && r.value().contains(cycleId);
    }

    static int assessors(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value()).get("assessorCount").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRegionIsInvitedSubmitsIsScoredByTwoAssessorsRankedAndSelected() throws Exception {
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2022, 2023, Flow.FUTURE, 2, 1, 1));
            cycle.invite("18.72", "18.71", "51.02");
            as(MINISTRY).body("{\"filter\":{\"level\":\"PROVINCE\",\"provinceCode\":\"18\"}}")
                    .post(cycle.path("/invitations")).then().statusCode(201)
                    .body("invited.regionCode", equalTo(List.of("18"))).body("invited[0].track", equalTo("PROVINCE"));
            as(MINISTRY).body("{\"regionCodes\":[\"18.72\"]}").post(cycle.path("/invitations")).then().statusCode(201)
                    .body("invited", equalTo(List.of())).body("alreadyInvited", equalTo(List.of("18.72")));
            JsonNode invited = JSON.readTree(events.awaitRecord(r -> is(r, "18.72", "RegionInvited", cycle.id),
                    Duration.ofSeconds(15)).value());
            assertThat(invited.get("regionName").asText()).isEqualTo("Kota Metro");
            assertThat(invited.get("provinceCode").asText()).isEqualTo("18");
            assertThat(invited.get("track").asText()).isEqualTo("KAB_KOTA");
            as(OFFICER_METRO).get(cycle.path("/invitations")).then().statusCode(200)
                    .body("items.regionCode", equalTo(List.of("18.72")));

            String tabananTag = cycle.etag(OFFICER_TABANAN, "/invitations/51.02");
            as(OFFICER_TABANAN).header("If-Match", tabananTag).body("{\"reason\":\"Regional head's term ends.\"}")
                    .post(cycle.path("/invitations/51.02/decline")).then().statusCode(200).body("status", equalTo("DECLINED"))
                    // the former path of the act still answers, deprecated, naming its successor
                    .header("Deprecation", "true")
                    .header("Link", "<" + cycle.path("/invitations/51.02/declining") + ">; rel=\"successor-version\"");

            cycle.move("SELF_ASSESSMENT");
            cycle.submit(OFFICER_METRO, "18.72").submit(OFFICER_BANDAR_LAMPUNG, "18.71").submit(OFFICER_LAMPUNG, "18");
            as(AUDITOR).get(cycle.path("/self-assessments/18.72")).then().statusCode(200)
                    .body("status", equalTo("SUBMITTED")).body("answeredIndicators", equalTo(2))
                    .body("answers.find { it.indicatorCode == 'K4.1' }.evidenceLinks", hasItem("https://example.go.id/spbe.pdf"))
                    .body("answers.find { it.indicatorCode == 'K4.1' }.selfAssessedLevel", equalTo(3));
            JsonNode submitted = JSON.readTree(events.awaitRecord(r -> is(r, "18.72", "SelfAssessmentSubmitted", cycle.id),
                    Duration.ofSeconds(15)).value());
            assertThat(submitted.get("answeredIndicators").asInt()).isEqualTo(2);
            assertThat(submitted.get("submittedBy").get("username").asText()).isEqualTo("officer-metro");

            cycle.move("INTERVIEWS");
            cycle.score(ASSESSOR_A, "18.72", 4, 5, 3, 3, 4).then().statusCode(201).body("regionAssessorCount", equalTo(1));
            cycle.score(ASSESSOR_B, "18.72", 5, 5, 4, 3, 4).then().statusCode(201).body("regionAssessorCount", equalTo(2));
            cycle.score(ASSESSOR_A, "18.71", 3, 3, 3, 3, 3).then().statusCode(201);
            cycle.score(ASSESSOR_B, "18", 4, 4, 4, 4, 4).then().statusCode(201);
            JsonNode scored = JSON.readTree(events.awaitRecord(r -> is(r, "18.72", "RegionScored", cycle.id)
                    && assessors(r) == 2, Duration.ofSeconds(15)).value());
            // means 4.5, 5, 3.5, 3, 4 → 87.5, 100, 62.5, 50, 75; equal weights (20 each) → 75.00
            assertThat(scored.get("score").decimalValue()).isEqualByComparingTo("75.00");

            as(AUDITOR).get(cycle.path("/scores/18.72")).then().statusCode(200)
                    .body("score", equalTo(75.0f)).body("assessorCount", equalTo(2))
                    .body("criteria.find { it.code == 'K1' }.score", equalTo(87.5f))
                    .body("criteria.find { it.code == 'K1' }.contribution", equalTo(17.5f))
                    .body("indicators.find { it.code == 'K1.1' }.mean", equalTo(4.5f))
                    .body("indicators.find { it.code == 'K1.1' }.spread", equalTo(1))
                    .body("indicators.find { it.code == 'K1.1' }.values.assessor", hasItems("assessor-ani", "assessor-budi"))
                    .body("indicators.find { it.code == 'K2.1' }.values[0].note", equalTo("RPJMD"));
            // the region's own officer sees its scores before publication, without assessors' names or notes
            as(OFFICER_METRO).get(cycle.path("/scores/18.72")).then().statusCode(200)
                    .body("score", equalTo(75.0f))
                    .body("indicators.find { it.code == 'K1.1' }.values.assessor", equalTo(List.of("Assessor 1", "Assessor 2")))
                    .body("indicators.find { it.code == 'K2.1' }.values[0].note", nullValue());
            as(OFFICER_TABANAN).get(cycle.path("/scores/18.72")).then().statusCode(403)
                    .body("detail", containsString("state INTERVIEWS"));
            as(INTEGRATOR).get(cycle.path("/ranking")).then().statusCode(403);

            cycle.move("SCORING");
            as(ASSESSOR_A).get(cycle.path("/ranking")).then().statusCode(200)
                    .body("kabKota.regionCode", equalTo(List.of("18.72", "18.71")))
                    .body("kabKota[0].rank", equalTo(1)).body("kabKota[0].score", equalTo(75.0f))
                    .body("kabKota[0].criteria.code", equalTo(List.of("K1", "K2", "K3", "K4", "K5")))
                    .body("province.regionCode", equalTo(List.of("18")))
                    .body("rule", containsString("rounded once"));
            as(MINISTRY).get(cycle.path("/selection/proposal")).then().statusCode(200)
                    .body("decisions.find { it.regionCode == '18.72' }.outcome", equalTo("SELECTED"))
                    .body("decisions.find { it.regionCode == '18.71' }.outcome", equalTo("PROVINCE_LIMIT"))
                    .body("decisions.find { it.regionCode == '18' }.outcome", equalTo("SELECTED"));

            String key = java.util.UUID.randomUUID().toString();
            io.restassured.response.Response confirmed = as(MINISTRY).header("If-Match", cycle.etag)
                    .header("Idempotency-Key", key).body("{\"adjustments\":[]}").post(cycle.path("/selection"));
            confirmed.then().log().ifValidationFails().statusCode(201)
                    .body("programmeYear", equalTo(2023)).body("selectedKabKota", equalTo(1))
                    .body("selectedProvinces", equalTo(1))
                    .body("entries.find { it.regionCode == '18.72' }.selected", equalTo(true))
                    .body("entries.find { it.regionCode == '18.72' }.repeat", equalTo(false))
                    .body("entries.regionCode", org.hamcrest.Matchers.not(hasItem("51.02"))); // declined: no decision
            as(MINISTRY).header("If-Match", cycle.etag).header("Idempotency-Key", key).body("{\"adjustments\":[]}")
                    .post(cycle.path("/selection")).then().statusCode(201).header("Idempotent-Replayed", "true")
                    .body("id", equalTo(confirmed.jsonPath().getString("id")));

            ConsumerRecord<String, String> selected = events.awaitRecord(r -> is(r, "18.72", "RegionSelected", cycle.id),
                    Duration.ofSeconds(15));
            JsonNode data = JSON.readTree(selected.value());
            assertThat(data.get("programmeYear").asInt()).isEqualTo(2023);
            assertThat(data.get("track").asText()).isEqualTo("KAB_KOTA");
            assertThat(data.get("rank").asInt()).isEqualTo(1);
            assertThat(data.get("score").decimalValue()).isEqualByComparingTo("75.00");
            assertThat(data.get("selectionId").asText()).isEqualTo(confirmed.jsonPath().getString("id"));
            assertThat(data.get("repeatOf").isArray()).isTrue();
            assertThat(KafkaEvents.header(selected, "ce_subject")).isEqualTo("18.72");
            JsonNode notSelected = JSON.readTree(events.awaitRecord(r -> is(r, "18.71", "RegionNotSelected", cycle.id),
                    Duration.ofSeconds(15)).value());
            assertThat(notSelected.get("outcome").asText()).isEqualTo("PROVINCE_LIMIT");
            events.awaitRecord(r -> is(r, "18", "RegionSelected", cycle.id), Duration.ofSeconds(15));

            // the result letter, recorded with its existing number; bad numbers change nothing
            long writes = Api.writes();
            as(MINISTRY).body("{\"date\":\"2022-07-01\",\"number\":\"B-349/DJAI/AI.01.02/06/2022\"}")
                    .post(cycle.path("/result-letters")).then().statusCode(422)
                    .body("violations[0].field", equalTo("number")).body("detail", containsString("2022-07-01"));
            as(MINISTRY).body("{\"date\":\"2019-02-28\",\"number\":\"B.116/DJAI/AI.01.05/02/2019\"}")
                    .post(cycle.path("/result-letters")).then().statusCode(400);
            as(MINISTRY).body("{\"number\":\"B-349/DJAI/AI.01.02/06/2022\"}").post(cycle.path("/result-letters"))
                    .then().statusCode(400);
            as(INTEGRATOR).body("{\"date\":\"2022-06-03\"}").post(cycle.path("/result-letters")).then().statusCode(403);
            assertThat(Api.writes()).isEqualTo(writes);
            String letterKey = java.util.UUID.randomUUID().toString();
            io.restassured.response.Response letter = as(MINISTRY).header("Idempotency-Key", letterKey)
                    .body("{\"issuedOn\":\"2022-06-03\",\"number\":\"B-349/DJAI/AI.01.02/06/2022\"}")
                    .post(cycle.path("/result-letters"));
            letter.then().log().ifValidationFails().statusCode(201)
                    .body("number", equalTo("B-349/DJAI/AI.01.02/06/2022")).body("issuedOn", equalTo("2022-06-03"))
                    .body("recorded", equalTo(true)).body("programmeYear", equalTo(2023))
                    .body("regions.regionCode", equalTo(List.of("18.72", "18")))
                    .body("selectionId", equalTo(confirmed.jsonPath().getString("id")));
            String letterId = letter.jsonPath().getString("id");
            as(MINISTRY).header("Idempotency-Key", letterKey)
                    .body("{\"date\":\"2022-06-03\",\"number\":\"B-349/DJAI/AI.01.02/06/2022\"}")
                    .post(cycle.path("/result-letters")).then().statusCode(201).header("Idempotent-Replayed", "true")
                    .body("id", equalTo(letterId));
            long letters = Api.count("result_letter");
            as(MINISTRY).body("{\"date\":\"2022-06-03\",\"number\":\"B-349/DJAI/AI.01.02/06/2022\"}")
                    .post(cycle.path("/result-letters")).then().statusCode(409).body("detail", containsString("never reused"));
            assertThat(Api.count("result_letter")).isEqualTo(letters);
            // a letter issued here takes the next number of the year: the recorded B-349 is never given again
            as(MINISTRY).body("{\"date\":\"2022-06-10\"}").post(cycle.path("/result-letters")).then().statusCode(201)
                    .body("number", equalTo("B-350/DJAI/AI.01.02/06/2022")).body("recorded", equalTo(false));

            byte[] pdf = as(INTEGRATOR).accept("application/pdf").get("/api/v1/result-letters/" + letterId + "/pdf").then()
                    .statusCode(200).contentType("application/pdf").extract().asByteArray();
            assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf))
                    .getTextFromPage(1);
            assertThat(text).contains("B-349/DJAI/AI.01.02/06/2022", "3 Juni 2022", "Kota Metro (18.72)",
                    "Penyampaian Hasil Asesmen", "Direktur Jenderal Aplikasi Informatika");
            as(AUDITOR).get("/api/v1/result-letters/" + letterId).then().statusCode(200)
                    .body("pdf", equalTo("/api/v1/result-letters/" + letterId + "/pdf"));
            JsonNode issued = JSON.readTree(events.awaitRecord(r -> cycle.id.equals(r.key())
                    && "id.kotacerdas.assessment.ResultLetterIssued.v1".equals(KafkaEvents.header(r, "ce_type"))
                    && r.value().contains("B-349/"), Duration.ofSeconds(15)).value());
            assertThat(issued.get("date").asText()).isEqualTo("2022-06-03");
            assertThat(issued.get("regions").get(0).get("regionCode").asText()).isEqualTo("18.72");

            // the programme's statistics: declared beside computed; Kota Metro now a member of the 2023 cohort
            as(INTEGRATOR).get("/api/v1/programme-statistics").then().statusCode(200)
                    .body("years.find { it.programmeYear == 2021 && it.track == 'KAB_KOTA' }.declared.cumulativeDistinct", equalTo(141))
                    .body("years.find { it.programmeYear == 2021 && it.track == 'KAB_KOTA' }.computed.cumulativeDistinct", equalTo(105))
                    .body("years.find { it.programmeYear == 2022 && it.track == 'KAB_KOTA' }.declared.cumulativeDistinct", equalTo(191))
                    .body("years.find { it.programmeYear == 2022 && it.track == 'KAB_KOTA' }.computed.cumulativeDistinct", equalTo(107));
            as(INTEGRATOR).get("/api/v1/cohorts?size=100").then().statusCode(200)
                    .body("items.find { it.programmeYear == 2023 && it.track == 'KAB_KOTA' }.members.find { it.regionCode == '18.72' }.source",
                            equalTo("SELECTION"));
        }
    }

    @Test
    void aWholeLevelIsInvitedByFilterInOneRequestLeavingOutJakartasAdministrativeUnits() throws Exception {
        Flow.Cycle cycle = new Flow.Cycle(Flow.plan(2022, 2023, Flow.FUTURE, 50, 0, null));
        long events = Api.count("outbox_event");
        as(MINISTRY).body("{\"filter\":{\"level\":\"KOTA\"}}").post(cycle.path("/invitations")).then().statusCode(201)
                .body("invited.size()", equalTo(93))
                .body("invited.regionCode", hasItems("18.72", "11.71", "96.71"))
                .body("invited.regionCode", org.hamcrest.Matchers.not(hasItem("31.71")));
        assertThat(Api.count("outbox_event") - events).isEqualTo(93);
        as(AUDITOR).get(cycle.path("/invitations?size=50&page=1")).then().statusCode(200)
                .body("total", equalTo(93)).body("items.size()", equalTo(43));
    }

    @Test
    void aRegionSelectedAgainLearnsItsEarlierCohort() {
        Flow.Cycle first = new Flow.Cycle(Flow.plan(2040, 2041, Flow.FUTURE, 1, 0, null)).invite("35.15");
        String officer = Tokens.forRegionOfficer("officer-sidoarjo", "35.15");
        first.move("SELF_ASSESSMENT").submit(officer, "35.15").move("INTERVIEWS");
        first.score(ASSESSOR_A, "35.15", 3, 3, 3, 3, 3).then().statusCode(201);
        first.move("SCORING");
        // Sidoarjo is a 2017 member of the imported history
        as(MINISTRY).header("If-Match", first.etag).body("{}").post(first.path("/selection")).then().statusCode(201)
                .body("entries[0].repeat", equalTo(true))
                .body("entries[0].repeatOf.programmeYear", equalTo(List.of(2017)))
                .body("entries[0].repeatOf[0].source", equalTo("imported cohort record"));

        Flow.Cycle second = new Flow.Cycle(Flow.plan(2041, 2042, Flow.FUTURE, 1, 0, null)).invite("35.15");
        second.move("SELF_ASSESSMENT").submit(officer, "35.15").move("INTERVIEWS");
        second.score(ASSESSOR_A, "35.15", 4, 4, 4, 4, 4).then().statusCode(201);
        second.move("SCORING");
        second.etag = as(MINISTRY).header("If-Match", second.etag).body("{}").post(second.path("/selection")).then()
                .statusCode(201)
                .body("entries[0].selected", equalTo(true))
                .body("entries[0].repeat", equalTo(true))
                .body("entries[0].repeatOf.programmeYear", equalTo(List.of(2017, 2041)))
                .body("entries[0].repeatOf[1].track", equalTo("KAB_KOTA")).extract().header("ETag");
        as(INTEGRATOR).get(second.path("/selection")).then().statusCode(200).body("programmeYear", equalTo(2042));
        as(INTEGRATOR).get(second.path("/ranking")).then().statusCode(200).body("kabKota[0].regionCode", equalTo("35.15"));
        as(OFFICER_TABANAN).get(second.path("/scores/35.15")).then().statusCode(200);
        second.move("CLOSED");
    }
}
