package id.kotacerdas.assessment;

import static id.kotacerdas.assessment.Api.AUDITOR;
import static id.kotacerdas.assessment.Api.MINISTRY;
import static id.kotacerdas.assessment.Api.TOPIC;
import static id.kotacerdas.assessment.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 items 2-3 (helper L): a result letter recorded from its sources keeps its number as the ministry writes it
 * ({@code B.116/DJAI/AI.01.05/02/2019}); recorded letters are corrected and withdrawn in the open. Programme years
 * 2091-2094 only; letter numbers of 2019 from 209100 on.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "assessment"))
@WithTestResource(OidcWiremockTestResource.class)
class ResultLetterCorrectionTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String IMPORTER = Tokens.forUser("history-importer", "importer");
    static final String PATH = "/api/v1/result-letters";
    static final String SOURCE = "{\"title\":\"Penyampaian Hasil Asesmen\",\"url\":\"https://metrokota.go.id/berita/hasil-2019\"}";

    @BeforeEach
    void registry() {
        Flow.registryReady();
    }

    static String letter(String number, String date, int programmeYear) {
        return "{\"number\":\"" + number + "\",\"issuedOn\":\"" + date + "\",\"programmeYear\":" + programmeYear
                + ",\"regions\":[{\"regionCode\":\"18.72\",\"track\":\"KAB_KOTA\"}],\"sources\":[" + SOURCE + "]}";
    }

    @Test
    void aRecordedLetterKeepsItsNumberAsTheMinistryWritesIt() throws Exception {
        String number = "B.209101/DJAI/AI.01.05/02/2019";
        long writes = Api.writes();
        // another form is 400 naming `number`; a month that is not the date's is 422 naming `number`
        as(IMPORTER).body(letter("B 209101/DJAI/AI.01.05/02/2019", "2019-02-14", 2091)).post(PATH).then()
                .statusCode(400).body("violations.field", hasItem(containsString("number")));
        as(IMPORTER).body(letter("B.209101/DJAI/AI.1.5/02/2019", "2019-02-14", 2091)).post(PATH).then()
                .statusCode(400).body("violations.field", hasItem(containsString("number")));
        as(IMPORTER).body(letter(number, "2019-03-01", 2091)).post(PATH).then().statusCode(422)
                .body("violations[0].field", equalTo("number"));
        assertThat(Api.writes()).isEqualTo(writes);

        String id;
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            id = as(IMPORTER).body(letter(number, "2019-02-14", 2091)).post(PATH).then().log().ifValidationFails()
                    .statusCode(201).body("number", equalTo(number)).body("origin", equalTo("RECORDED"))
                    .extract().path("id");
            String letterId = id;
            JsonNode issued = JSON.readTree(events.awaitRecord(r -> letterId.equals(r.key())
                    && "id.kotacerdas.assessment.ResultLetterIssued.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(15)).value());
            assertThat(issued.get("number").asText()).isEqualTo(number);
        }
        // the number as written is the natural key: the same letter again is 200
        as(IMPORTER).body(letter(number, "2019-02-14", 2091)).post(PATH).then().statusCode(200).body("id", equalTo(id));
        // the same running number of the year written the other way is another letter with a used number: 409
        as(IMPORTER).body(letter("B-209101/DJAI/AI.01.02/02/2019", "2019-02-14", 2091)).post(PATH).then()
                .statusCode(409).body("detail", containsString("never reused"));
        as(AUDITOR).get(PATH + "/" + id).then().statusCode(200).body("number", equalTo(number));
    }

    @Test
    void theLivePathKeepsTheDirectorateGeneralsOwnForm() {
        // a letter of a cycle recorded with an existing number still takes only B-{n}/DJAI/AI.01.02/{MM}/{YYYY}
        as(MINISTRY).body("{\"date\":\"2019-02-14\",\"number\":\"B.209102/DJAI/AI.01.05/02/2019\"}")
                .post("/api/v1/assessment-cycles/" + java.util.UUID.randomUUID() + "/result-letters").then()
                .statusCode(400);
    }

    static final String FIX = "{\"url\":\"https://aptika.kominfo.go.id/wp-content/uploads/2019/02/hasil-asesmen.pdf\"}";

    static String correction(String changes) {
        return "{\"reason\":\"The scan of the letter reads otherwise\",\"sources\":[" + FIX + "],\"changes\":" + changes + "}";
    }

    static JsonNode await(KafkaEvents events, String key, String type) throws Exception {
        return JSON.readTree(events.awaitRecord(r -> key.equals(r.key())
                && ("id.kotacerdas.assessment." + type + ".v1").equals(KafkaEvents.header(r, "ce_type")),
                Duration.ofSeconds(15)).value());
    }

    @Test
    void aRecordedLetterIsCorrectedAndWithdrawnInTheOpen() throws Exception {
        String id = as(IMPORTER).body(letter("B-209110/DJAI/AI.01.02/02/2019", "2019-02-14", 2093)).post(PATH).then()
                .log().ifValidationFails().statusCode(201).body("revision", equalTo(1)).extract().path("id");
        String at = PATH + "/" + id;
        as(AUDITOR).get(at).then().statusCode(200).header("ETag", "\"1\"").body("withdrawn", org.hamcrest.Matchers.nullValue());

        long writes = Api.writes();
        String renumber = correction("{\"number\":\"B.209111/DJAI/AI.01.05/02/2019\",\"programmeYear\":2094,"
                + "\"regions\":[{\"regionCode\":\"18.72\",\"track\":\"KAB_KOTA\"},{\"regionCode\":\"51.02\",\"track\":\"KAB_KOTA\"}]}");
        as(MINISTRY).body(renumber).post(at + "/corrections").then().statusCode(428);
        as(MINISTRY).header("If-Match", "\"9\"").body(renumber).post(at + "/corrections").then().statusCode(412);
        as(IMPORTER).header("If-Match", "\"1\"").body(renumber).post(at + "/corrections").then().statusCode(403);
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{}")).post(at + "/corrections").then()
                .statusCode(400).body("violations[0].field", equalTo("changes"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"number\":\"B-209110/DJAI/AI.01.02/02/2019\"}"))
                .post(at + "/corrections").then().statusCode(400).body("violations[0].field", equalTo("changes"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"number\":\"B/209111/DJAI/AI.01.05/02/2019\"}"))
                .post(at + "/corrections").then().statusCode(400).body("violations.field", hasItem(containsString("number")));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"number\":\"B.209111/DJAI/AI.01.05/03/2019\"}"))
                .post(at + "/corrections").then().statusCode(422).body("violations[0].field", equalTo("changes.number"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"date\":\"2019-03-01\"}"))
                .post(at + "/corrections").then().statusCode(422).body("violations[0].field", equalTo("changes.issuedOn"));
        as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"regions\":[{\"regionCode\":\"52.99\",\"track\":\"KAB_KOTA\"}]}"))
                .post(at + "/corrections").then().statusCode(422).body("violations[0].field", equalTo("changes.regions[0].regionCode"));
        as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"x\",\"changes\":{\"programmeYear\":2094}}")
                .post(at + "/corrections").then().statusCode(400).body("violations.field", hasItem("sources"));
        assertThat(Api.writes()).isEqualTo(writes);

        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            as(MINISTRY).header("If-Match", "\"1\"").body(renumber).post(at + "/corrections").then().log().ifValidationFails()
                    .statusCode(200).header("ETag", "\"2\"").body("revision", equalTo(2))
                    .body("number", equalTo("B.209111/DJAI/AI.01.05/02/2019")).body("programmeYear", equalTo(2094))
                    .body("regions.regionCode", hasItem("51.02"));
            JsonNode corrected = await(events, id, "ResultLetterCorrected");
            CohortMemberCorrectionTest.matchesSchema(corrected, "ResultLetterCorrected");
            assertThat(corrected.get("letterId").asText()).isEqualTo(id);
            assertThat(corrected.get("recordId").asText()).isEqualTo(id);
            assertThat(corrected.get("number").asText()).isEqualTo("B.209111/DJAI/AI.01.05/02/2019");
            assertThat(corrected.get("origin").asText()).isEqualTo("RECORDED");
            assertThat(corrected.get("recorded").asBoolean()).isTrue();
            assertThat(corrected.get("regions").size()).isEqualTo(2);
            assertThat(corrected.get("correction").get("revision").asInt()).isEqualTo(2);
            assertThat(corrected.get("correction").get("previous").get("number").asText())
                    .isEqualTo("B-209110/DJAI/AI.01.02/02/2019");
            assertThat(corrected.get("correction").get("previous").get("programmeYear").asInt()).isEqualTo(2093);
            assertThat(corrected.get("correction").get("previous").has("date")).isFalse();
        }
        // the same running number written the other way: kept as written; the old number is nobody's natural key now
        as(MINISTRY).header("If-Match", "\"2\"").body(correction("{\"number\":\"B-209111/DJAI/AI.01.05/02/2019\"}"))
                .post(at + "/corrections").then().log().ifValidationFails().statusCode(200).body("revision", equalTo(3))
                .body("number", equalTo("B-209111/DJAI/AI.01.05/02/2019"));
        // another letter's number is 409
        String other = as(IMPORTER).body(letter("B-209112/DJAI/AI.01.02/02/2019", "2019-02-14", 2093)).post(PATH).then()
                .statusCode(201).extract().path("id");
        as(MINISTRY).header("If-Match", "\"3\"").body(correction("{\"number\":\"B.209112/DJAI/AI.01.02/02/2019\"}"))
                .post(at + "/corrections").then().statusCode(409).body("detail", containsString("never reused"));
        as(AUDITOR).get(at + "/revisions").then().statusCode(200).body("items.size()", equalTo(2))
                .body("items[0].revision", equalTo(1)).body("items[0].value.number", equalTo("B-209110/DJAI/AI.01.02/02/2019"))
                .body("items[0].value.programmeYear", equalTo(2093)).body("items[0].by", equalTo("ministry"))
                .body("items[1].value.number", equalTo("B.209111/DJAI/AI.01.05/02/2019"));

        // withdrawn: sources required for a recorded letter; it leaves the list, stays readable
        as(MINISTRY).header("If-Match", "\"3\"").body("{\"reason\":\"Not a letter of this programme\"}")
                .post(at + "/withdrawal").then().statusCode(400).body("violations.field", hasItem("sources"));
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            as(MINISTRY).header("If-Match", "\"3\"").body("{\"reason\":\"Not a letter of this programme\",\"sources\":[" + FIX + "]}")
                    .post(at + "/withdrawal").then().log().ifValidationFails().statusCode(200).header("ETag", "\"4\"")
                    .body("withdrawn.reason", equalTo("Not a letter of this programme")).body("withdrawn.by", equalTo("ministry"));
            JsonNode withdrawn = await(events, id, "ResultLetterWithdrawn");
            CohortMemberCorrectionTest.matchesSchema(withdrawn, "ResultLetterWithdrawn");
            assertThat(withdrawn.get("letterId").asText()).isEqualTo(id);
            assertThat(withdrawn.get("recordId").asText()).isEqualTo(id);
            assertThat(withdrawn.get("number").asText()).isEqualTo("B-209111/DJAI/AI.01.05/02/2019");
            assertThat(withdrawn.get("programmeYear").asInt()).isEqualTo(2094);
            assertThat(withdrawn.get("withdrawal").get("revision").asInt()).isEqualTo(4);
        }
        as(AUDITOR).get(at).then().statusCode(200).body("withdrawn.at", org.hamcrest.Matchers.notNullValue());
        as(AUDITOR).get(PATH + "?size=100").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(id)))
                .body("items.id", hasItem(other));
        as(AUDITOR).get(PATH + "?includeWithdrawn=true&size=100").then().statusCode(200).body("items.id", hasItem(id));
        as(MINISTRY).header("If-Match", "\"4\"").body(correction("{\"programmeYear\":2093}")).post(at + "/corrections")
                .then().statusCode(409);
        as(MINISTRY).header("If-Match", "\"4\"").body("{\"reason\":\"again\",\"sources\":[" + FIX + "]}")
                .post(at + "/withdrawal").then().statusCode(409);
    }

    @Test
    void aLetterOfACycleIsWithdrawnWithAReasonButNeverCorrected() throws Exception {
        String cycle = java.util.UUID.randomUUID().toString();
        String selection = java.util.UUID.randomUUID().toString();
        String letterId = java.util.UUID.randomUUID().toString();
        // a fixture: a LIVE letter of a (minimal) confirmed cycle of programme year 2094; removed at the end
        Api.execute("INSERT INTO assessment_cycle (id, name, assessment_year, programme_year, framework_code, "
                + "framework_version, schedule, quotas, state, revision, created_at, created_by, updated_at, updated_by) "
                + "SELECT '" + cycle + "', 'Fixture 2094', 2093, 2094, code, version, '{}'::jsonb, '{}'::jsonb, 'SELECTED', "
                + "1, now(), 'fixture', now(), 'fixture' FROM framework_version LIMIT 1");
        Api.execute("INSERT INTO selection (id, cycle_id, programme_year, framework_code, framework_version, "
                + "confirmed_at, confirmed_by) SELECT '" + selection + "', id, 2094, framework_code, framework_version, "
                + "now(), 'fixture' FROM assessment_cycle WHERE id = '" + cycle + "'");
        Api.execute("INSERT INTO result_letter (id, number, number_year, number_seq, letter_date, cycle_id, selection_id, "
                + "programme_year, regions, recorded, created_at, created_by, origin) VALUES ('" + letterId
                + "', 'B-209120/DJAI/AI.01.02/02/2019', 2019, 209120, '2019-02-20', '" + cycle + "', '" + selection
                + "', 2094, '{\"items\":[{\"regionCode\":\"18.72\",\"regionName\":\"Kota Metro\",\"provinceCode\":\"18\","
                + "\"track\":\"KAB_KOTA\"}]}'::jsonb, false, now(), 'fixture', 'LIVE')");
        try {
            String at = PATH + "/" + letterId;
            as(AUDITOR).get(at).then().statusCode(200).header("ETag", "\"1\"").body("origin", equalTo("LIVE"));
            as(MINISTRY).header("If-Match", "\"1\"").body(correction("{\"programmeYear\":2093}")).post(at + "/corrections")
                    .then().statusCode(409).body("detail", containsString("origin LIVE"));
            as(MINISTRY).header("If-Match", "\"1\"").body("{\"sources\":[]}").post(at + "/withdrawal").then()
                    .statusCode(400).body("violations.field", hasItem("reason"));
            try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
                as(MINISTRY).header("If-Match", "\"1\"").body("{\"reason\":\"Issued in error; B-209121 stands\"}")
                        .post(at + "/withdrawal").then().log().ifValidationFails().statusCode(200)
                        .body("withdrawn.reason", equalTo("Issued in error; B-209121 stands"))
                        .body("withdrawn.sources.size()", equalTo(0));
                JsonNode withdrawn = await(events, cycle, "ResultLetterWithdrawn");
                CohortMemberCorrectionTest.matchesSchema(withdrawn, "ResultLetterWithdrawn");
                assertThat(withdrawn.get("letterId").asText()).isEqualTo(letterId);
                assertThat(withdrawn.has("recordId")).isFalse();
                assertThat(withdrawn.get("cycleId").asText()).isEqualTo(cycle);
                assertThat(withdrawn.get("origin").asText()).isEqualTo("LIVE");
                assertThat(withdrawn.get("regions").get(0).get("regionCode").asText()).isEqualTo("18.72");
            }
            as(AUDITOR).get(PATH + "?size=100").then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(hasItem(letterId)));
            as(AUDITOR).get(at + "/revisions").then().statusCode(200).body("items.size()", equalTo(1))
                    .body("items[0].value.origin", equalTo("LIVE"));
        } finally {
            Api.execute("DELETE FROM result_letter_revision WHERE letter_id = '" + letterId + "'");
            Api.execute("DELETE FROM result_letter WHERE id = '" + letterId + "'");
            Api.execute("DELETE FROM selection WHERE id = '" + selection + "'");
            Api.execute("DELETE FROM assessment_cycle WHERE id = '" + cycle + "'");
        }
    }
}
