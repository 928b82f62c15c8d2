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
        return "{\"number\":\"" + number + "\",\"date\":\"" + date + "\",\"programmeYear\":" + programmeYear
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
}
