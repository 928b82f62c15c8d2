package id.kotacerdas.masterplan;

import static id.kotacerdas.masterplan.TestSupport.AUDITOR;
import static id.kotacerdas.masterplan.TestSupport.JSON;
import static id.kotacerdas.masterplan.TestSupport.OFFICER_PARIAMAN;
import static id.kotacerdas.masterplan.TestSupport.count;
import static id.kotacerdas.masterplan.TestSupport.document;
import static id.kotacerdas.masterplan.TestSupport.profileUpdated;
import static id.kotacerdas.masterplan.TestSupport.putDocument;
import static id.kotacerdas.masterplan.TestSupport.send;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kota Pariaman (13.77): its RPJMD 2018–2023 arrives as region-service's profile event (an older profile version
 * arriving late changes nothing), and its masterplan's roadmap 2022–2026 is checked against it: the years after 2023
 * and a programme without an RPJMD reference are findings, warnings that do not stop the submission.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "masterplan"))
@WithTestResource(OidcWiremockTestResource.class)
class PariamanAlignmentTest {

    @BeforeEach
    void registry() {
        TestSupport.registryReady();
    }

    @Test
    void pariamansRoadmapIsCheckedAgainstRpjmd2018To2023() throws Exception {
        String newer = UUID.randomUUID().toString(), older = UUID.randomUUID().toString();
        send(profileUpdated(newer, "13.77", "Kota Pariaman", 3,
                List.of(Map.of("startYear", 2018, "endYear", 2023, "regulation", "Perda Kota Pariaman Nomor 5 Tahun 2018"))),
                profileUpdated(older, "13.77", "Kota Pariaman", 2,
                        List.of(Map.of("startYear", 2013, "endYear", 2018, "regulation", "Perda lama"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("processed_event WHERE consumer = 'region-events'"
                + " AND event_id IN ('" + newer + "', '" + older + "')") == 2);
        assertThat(count("region_rpjmd WHERE region_code = '13.77' AND profile_version = 3 AND event_id = '" + newer + "'"))
                .as("the newest profile version is kept, the late older one changes nothing").isEqualTo(1);

        String id = TestSupport.open("13.77", 2022);
        Map<String, Object> doc = document(2022, 2026, 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> programmes = (List<Map<String, Object>>) doc.get("programmes");
        programmes.get(2).remove("rpjmdReference");
        putDocument(OFFICER_PARIAMAN, id, TestSupport.etag(id), doc).then().statusCode(200)
                .body("alignment", hasSize(4));

        JsonPath alignment = given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/alignment", id).then()
                .statusCode(200).body("rpjmdPeriods[0].startYear", equalTo(2018)).body("rpjmdPeriods[0].endYear", equalTo(2023))
                .extract().jsonPath();
        assertThat(alignment.getList("findings.kind")).containsExactly("ROADMAP_YEAR_OUTSIDE_RPJMD",
                "ROADMAP_YEAR_OUTSIDE_RPJMD", "ROADMAP_YEAR_OUTSIDE_RPJMD", "PROGRAMME_WITHOUT_RPJMD_REFERENCE");
        assertThat(alignment.getList("findings.field")).containsExactly("roadmap[2].year", "roadmap[3].year",
                "roadmap[4].year", "programmes[2].rpjmdReference");
        assertThat(alignment.getString("findings[0].message")).contains("2024", "2018–2023");

        try (KafkaEvents events = KafkaEvents.on(TestSupport.TOPIC)) {
            given().auth().oauth2(OFFICER_PARIAMAN).post("/api/v1/masterplans/{id}/submissions", id).then().statusCode(201);
            var submitted = events.awaitRecord(r -> "id.kotacerdas.masterplan.MasterplanSubmitted.v1".equals(
                    KafkaEvents.header(r, "ce_type")) && r.value().contains(id), Duration.ofSeconds(15));
            assertThat(submitted.key()).isEqualTo("13.77");
            assertThat(JSON.readTree(submitted.value()).get("alignmentFindings").asInt()).isEqualTo(4);
        }
        String html = given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/export", id).then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("RPJMD alignment", "roadmap year 2026 lies outside every RPJMD period");
    }

    @Test
    void aRegionWhoseRpjmdIsNotKnownGetsOneFindingSayingSo() {
        String id = TestSupport.open("18.71", TestSupport.freshYear());
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/alignment", id).then().statusCode(200)
                .body("findings.kind", hasItem("RPJMD_UNKNOWN"));
    }
}
