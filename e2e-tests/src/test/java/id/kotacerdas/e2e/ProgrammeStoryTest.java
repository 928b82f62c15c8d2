package id.kotacerdas.e2e;

import static id.kotacerdas.e2e.Keycloak.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.demo.DemoData;
import id.kotacerdas.demo.HistoryImport;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed scenario: the programme's 2022–2023 story as the public reports tell it ({@code demo/programme-2022-2023.json},
 * the demo data {@code deploy/local/demo-data} loads), replayed through the gateway with real Keycloak tokens, then
 * checked as each report tells it — across assessment-, agreement- and masterplan-service and their events on Kafka.
 */
@ExtendWith(RunningSuite.class)
class ProgrammeStoryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String METRO = "18.72", TABANAN = "51.02", KSB = "52.07", PARIAMAN = "13.77", PANGKALPINANG = "19.71";
    static DemoData.Result loaded;
    static HistoryImport.Result history;

    @BeforeAll
    static void theStoryIsLoadedThroughTheGateway() throws Exception {
        RestAssured.baseURI = RunningSuite.GATEWAY;
        loaded = load();
    }

    static DemoData.Result load() throws Exception {
        SeedData.Loaded seed = SeedData.load();
        history = seed.history();
        return seed.story();
    }

    static String id(String name) {
        return loaded.ids().get(name);
    }

    static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean is(ConsumerRecord<String, String> record, String type, String key) {
        return key.equals(record.key()) && type.equals(TopicEvents.header(record, "ce_type"));
    }

    @Test
    void loadingTheStoryAgainChangesNothing() throws Exception {
        int mous = given().auth().oauth2(token("auditor")).get("/api/v1/mous/counts").then().statusCode(200)
                .extract().path("total");
        HistoryImport.Result first = history;
        DemoData.Result again = load();
        // the public record again: nothing written, nothing newly refused (issue 18 item 4)
        assertThat(history.wrote()).as("history import, second run").isZero();
        assertThat(history.failed()).isZero();
        assertThat(history.refused()).isEqualTo(first.refused());
        assertThat(again.sectionsLoaded()).isZero();
        assertThat(again.writes()).isZero();
        assertThat(again.sectionsAlreadyThere()).isEqualTo(loaded.sectionsLoaded() + loaded.sectionsAlreadyThere());
        assertThat(again.ids()).containsAllEntriesOf(java.util.Map.of("mou.52.07", id("mou.52.07"), "mp.52.07", id("mp.52.07")));
        given().auth().oauth2(token("auditor")).get("/api/v1/mous/counts").then().statusCode(200).body("total", equalTo(mous));
    }

    // ---------------------------------------------------------------- issue 8: assessment 2022 → cohort 2023

    @Test
    void kotaMetroIsInvitedSubmitsIsScoredByTwoAssessorsAndSelectedWithLetterB349() throws Exception {
        String cycle = id("cycle2022");
        given().auth().oauth2(token("auditor")).get("/api/v1/assessment-cycles/{id}", cycle).then().statusCode(200)
                .body("assessmentYear", equalTo(2022)).body("programmeYear", equalTo(2023)).body("state", equalTo("CLOSED"));
        given().auth().oauth2(token("officer-metro")).get("/api/v1/assessment-cycles/{id}/invitations/{code}", cycle, METRO)
                .then().statusCode(200).body("regionName", equalTo("Kota Metro"));
        given().auth().oauth2(token("officer-metro")).get("/api/v1/assessment-cycles/{id}/self-assessments/{code}", cycle, METRO)
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(token("auditor")).get("/api/v1/assessment-cycles/{id}/scores/{code}", cycle, METRO).then()
                .statusCode(200).body("assessorCount", equalTo(2)).body("complete", equalTo(true));
        given().auth().oauth2(Keycloak.integratorToken()).get("/api/v1/assessment-cycles/{id}/selection", cycle).then()
                .statusCode(200).body("programmeYear", equalTo(2023))
                .body("entries.find { it.regionCode == '18.72' }.selected", equalTo(true))
                .body("entries.find { it.regionCode == '34' }.track", equalTo("PROVINCE"))
                .body("selectedProvinces", equalTo(2));

        JsonPath letter = given().auth().oauth2(token("auditor")).get("/api/v1/result-letters?size=100").then().statusCode(200)
                .extract().jsonPath();
        String letterId = letter.getString("items.find { it.number == 'B-349/DJAI/AI.01.02/06/2022' }.id");
        assertThat(letterId).as("letter B-349 recorded").isNotNull();
        given().auth().oauth2(token("auditor")).get("/api/v1/result-letters/{id}", letterId).then().statusCode(200)
                .body("issuedOn", equalTo("2022-06-03")).body("recorded", equalTo(true))
                .body("regions.regionCode", hasItem(METRO));
        byte[] pdf = given().auth().oauth2(token("officer-metro")).accept("application/pdf")
                .get("/api/v1/result-letters/{id}/pdf", letterId).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isGreaterThan(1000);

        try (TopicEvents events = new TopicEvents("kotacerdas.assessment.v1")) {
            JsonNode selected = json(events.await(r -> is(r, "id.kotacerdas.assessment.RegionSelected.v1", METRO)
                    && r.value().contains(cycle), Duration.ofSeconds(30)));
            assertThat(selected.get("programmeYear").asInt()).isEqualTo(2023);
            assertThat(selected.get("assessmentYear").asInt()).isEqualTo(2022);
            assertThat(selected.get("track").asText()).isEqualTo("KAB_KOTA");
        }
    }

    @Test
    void theStatisticsGiveTheDeclared141And191BesideTheCountsOfTheIdentifiedMembers() {
        given().auth().oauth2(Keycloak.integratorToken()).get("/api/v1/programme-statistics").then().statusCode(200)
                .body("years.find { it.programmeYear == 2021 && it.track == 'KAB_KOTA' }.declared.cumulativeDistinct", equalTo(141))
                .body("years.find { it.programmeYear == 2022 && it.track == 'KAB_KOTA' }.declared.cumulativeDistinct", equalTo(191))
                .body("years.find { it.programmeYear == 2021 && it.track == 'KAB_KOTA' }.computed.cumulativeDistinct", equalTo(105))
                // 107 from the imported history, and the four 2022 members the reports name
                .body("years.find { it.programmeYear == 2022 && it.track == 'KAB_KOTA' }.computed.cumulativeDistinct", equalTo(111));
        given().auth().oauth2(token("auditor")).get("/api/v1/cohorts?size=100").then().statusCode(200)
                .body("items.find { it.programmeYear == 2022 && it.track == 'KAB_KOTA' }.members.regionCode",
                        org.hamcrest.Matchers.hasItems(KSB, PANGKALPINANG, TABANAN, PARIAMAN, "33.76"))
                .body("items.find { it.programmeYear == 2022 && it.track == 'KAB_KOTA' }.declared.size", equalTo(50))
                .body("items.find { it.programmeYear == 2023 && it.track == 'PROVINCE' }.members.regionCode",
                        org.hamcrest.Matchers.hasItems("34", "32"));
    }

    // ---------------------------------------------------------------- issue 9: the MoUs

    @Test
    void theCeremonyOf2022HoldsTheFourMousAsTheReportsTellThem() {
        JsonPath pangkalPinang = mou("mou.19.71");
        // signed; its 3 years ended on 2025-04-20, so recording the signing expired it at once
        assertThat(pangkalPinang.getString("state")).isEqualTo("EXPIRED");
        assertThat(pangkalPinang.getString("stateChangedOn")).isEqualTo("2025-04-21");
        assertThat(pangkalPinang.getString("signedOn")).isEqualTo("2022-04-21");
        assertThat(pangkalPinang.getString("localMode")).isEqualTo("HYBRID");
        assertThat(pangkalPinang.getString("localVenue")).isEqualTo("Ruang OR Kantor Wali Kota Pangkal Pinang");
        assertThat(pangkalPinang.getString("secondPartySignatory.name")).isEqualTo("Radmida Dawam");
        assertThat(pangkalPinang.getString("secondPartySignatory.onBehalfOf")).isEqualTo("Wali Kota Pangkal Pinang");
        assertThat(pangkalPinang.getString("witnesses[0].name")).isEqualTo("Johnny G Plate");
        assertThat(pangkalPinang.getString("witnesses[0].attendance")).isEqualTo("VIRTUAL");

        JsonPath tabanan = mou("mou.51.02");
        assertThat(tabanan.getString("localMode")).isEqualTo("VIRTUAL");
        assertThat(tabanan.getString("localVenue")).isEqualTo("Tabanan Command Centre");
        assertThat(tabanan.getString("secondPartySignatory.name")).isEqualTo("I Gede Susila");
        assertThat(tabanan.getString("firstPartySignatory.position")).isEqualTo("Direktur Jenderal Aplikasi Informatika");
        assertThat(tabanan.getList("scope.standardItems.code")).containsExactly("BIMTEK_MASTERPLAN", "DATA_EXCHANGE_AND_FOSS",
                "SOSIALISASI_AND_FGD", "NATIONAL_SERVICES_INTEGRATION");

        JsonPath ksb = mou("mou.52.07");
        assertThat(ksb.getString("secondParty.position")).isEqualTo("Bupati Sumbawa Barat");
        assertThat(ksb.getBoolean("secondPartySignatory.known")).isFalse();
        assertThat(ksb.getString("secondPartySignatory.name")).isNull();

        JsonPath pariaman = mou("mou.13.77");
        assertThat(pariaman.getString("secondPartySignatory.name")).isEqualTo("Genius Umar");
        assertThat(pariaman.getString("localVenue")).isEqualTo("Ruang rapat Wali Kota Pariaman");

        for (String name : List.of("mou.19.71", "mou.51.02", "mou.52.07", "mou.13.77")) {
            assertThat(mou(name).getString("signedOn")).as(name).isEqualTo("2022-04-21");
        }
        try (TopicEvents events = new TopicEvents("kotacerdas.agreement.v1")) {
            for (String code : List.of(PANGKALPINANG, TABANAN, KSB, PARIAMAN)) {
                JsonNode signed = json(events.await(r -> is(r, "id.kotacerdas.agreement.MouSigned.v1", code)
                        && r.value().contains(id("mou." + code)), Duration.ofSeconds(30)));
                assertThat(signed.at("/ceremony/heldOn").asText()).isEqualTo("2022-04-21");
            }
            JsonNode metro = json(events.await(r -> is(r, "id.kotacerdas.agreement.MouSigned.v1", METRO)
                    && r.value().contains(id("mou.18.72")), Duration.ofSeconds(30)));
            assertThat(metro.get("signedOn").asText()).isEqualTo("2023-02-28");
            assertThat(metro.at("/secondPartySignatory/known").asBoolean()).isFalse();
        }
    }

    @Test
    void kotaMetrosMouOf2023HasItsAttendeeAndHonestlyNoKnownSignatory() {
        given().auth().oauth2(token("officer-metro")).get("/api/v1/mous/{id}", id("mou.18.72")).then().statusCode(200)
                .body("state", equalTo("EXPIRED")).body("stateChangedOn", equalTo("2026-02-28"))
                .body("signedOn", equalTo("2023-02-28"))
                .body("draftedFrom", equalTo("REGION_SELECTED")).body("origin", equalTo("LIVE"))
                .body("localVenue", equalTo("Kantor Dinas Kominfo Kota Metro")).body("localMode", equalTo("VIRTUAL"))
                .body("secondPartySignatory.known", equalTo(false)).body("secondPartySignatory.name", nullValue())
                .body("firstPartySignatory.known", equalTo(false))
                .body("attendees[0].name", equalTo("Yerri Ehwan"))
                .body("attendees[0].position", equalTo("Asisten II Sekda Kota Metro"))
                .body("sources[0].title", startsWith("Metro report 2023"));
    }

    @Test
    void sumbawaBaratsLocalCommitmentWithItsOpdsIsRecorded() {
        given().auth().oauth2(token("officer-ksb")).queryParam("regionCode", KSB).get("/api/v1/local-commitments").then()
                .statusCode(200).body("items", hasSize(1))
                .body("items[0].opds.name", hasItem("Dinas Komunikasi dan Informatika"))
                .body("items[0].bimtek.stage", equalTo(4));
    }

    @Test
    void officerMetroCannotTouchTabanansMou() {
        String tabanan = id("mou.51.02");
        given().auth().oauth2(token("officer-metro")).get("/api/v1/mous/{id}", tabanan).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        String etag = given().auth().oauth2(token("ministry")).get("/api/v1/mous/{id}", tabanan).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(token("officer-metro")).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"localVenue\":\"Somewhere else\"}").put("/api/v1/mous/{id}/local-side", tabanan).then()
                .statusCode(403).contentType(startsWith("application/problem+json"));
        assertThat(mou("mou.51.02").getString("localVenue")).isEqualTo("Tabanan Command Centre");
    }

    static JsonPath mou(String name) {
        return given().auth().oauth2(token("auditor")).get("/api/v1/mous/{id}", id(name)).then().statusCode(200)
                .extract().jsonPath();
    }

    // ---------------------------------------------------------------- issue 10: the masterplans

    @Test
    void ksbsMasterplanOpensFromItsMouGoesThroughFourBimtekAndIsRatifiedByAPerbup() {
        String plan = id("mp.52.07");
        given().auth().oauth2(token("auditor")).get("/api/v1/masterplans/{id}", plan).then().statusCode(200)
                .body("openedFrom", equalTo("MOU_SIGNED")).body("origin", equalTo("LIVE")).body("mouId", equalTo(id("mou.52.07")))
                .body("state", equalTo("RATIFIED")).body("ratification.instrument", equalTo("PERBUP"))
                .body("ratification.year", equalTo(2022)).body("ratification.number", nullValue())
                .body("ratification.sources[0].title", equalTo("Sumbawa Barat report 2022"))
                .body("bimtek.stagesHeld", equalTo(4))
                .body("document.quickWins.size()", equalTo(3));
        given().auth().oauth2(token("auditor")).get("/api/v1/masterplans/{id}/bimtek-stages", plan).then().statusCode(200)
                .body("total", equalTo(4)).body("masterplanId", equalTo(plan))
                .body("items.state", everyItem(equalTo("HELD")))
                .body("items.startsOn", equalTo(List.of("2022-06-14", "2022-07-12", "2022-08-16", "2022-09-13")))
                .body("items.guides.flatten()", everyItem(equalTo("Fitrah Rahmat Kausar")));
        try (TopicEvents events = new TopicEvents("kotacerdas.masterplan.v1")) {
            List<String> order = new java.util.ArrayList<>();
            events.await(r -> {
                if (KSB.equals(r.key()) && r.value() != null && r.value().contains(plan)) {
                    order.add(TopicEvents.header(r, "ce_type").replace("id.kotacerdas.masterplan.", ""));
                }
                return order.contains("MasterplanRatified.v1");
            }, Duration.ofSeconds(30));
            assertThat(order).containsSubsequence("MasterplanOpened.v1", "BimtekSessionHeld.v1", "BimtekSessionHeld.v1",
                    "BimtekSessionHeld.v1", "BimtekSessionHeld.v1", "BimtekCompleted.v1", "MasterplanSubmitted.v1",
                    "MasterplanApproved.v1", "MasterplanRatified.v1");
        }
    }

    @Test
    void pariamansRoadmapIsCheckedAgainstRpjmd2018To2023() {
        given().auth().oauth2(token("auditor")).get("/api/v1/masterplans/{id}/alignment", id("mp.13.77")).then()
                .statusCode(200)
                .body("rpjmdPeriods[0].startYear", equalTo(2018)).body("rpjmdPeriods[0].endYear", equalTo(2023))
                .body("findings.kind", hasItem("ROADMAP_YEAR_OUTSIDE_RPJMD"))
                .body("findings.find { it.kind == 'ROADMAP_YEAR_OUTSIDE_RPJMD' }.message", containsString("2018–2023"));
    }

    @Test
    void pangkalPinangsOwnMasterplanOf2021IsRecordedBesideTheProgramme() {
        given().auth().oauth2(token("officer-pangkalpinang")).queryParam("regionCode", PANGKALPINANG)
                .get("/api/v1/masterplans").then().statusCode(200)
                .body("items.find { it.programmeYear == 2021 }.kind", equalTo("SELF_MADE"))
                .body("items.find { it.programmeYear == 2022 }.openedFrom", equalTo("MOU_SIGNED"));
    }

    @Test
    void officerMetroCannotEditKsbsPlan() {
        String plan = id("mp.52.07");
        String etag = given().auth().oauth2(token("auditor")).get("/api/v1/masterplans/{id}", plan).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(token("officer-metro")).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"vision\":\"not mine\"}").put("/api/v1/masterplans/{id}/document", plan).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(token("officer-metro")).post("/api/v1/masterplans/{id}/submissions", plan).then()
                .statusCode(403);
        given().auth().oauth2(token("auditor")).get("/api/v1/masterplans/{id}", plan).then().statusCode(200)
                .header("ETag", equalTo(etag));
    }

    // ---------------------------------------------------------------- issue 11: monev

    @Test
    void ksbRatifiedIn2022IsDueIn2023AndGetsAFirstResultWithRanksALetterAndAnEvent() throws Exception {
        String cycle = id("evaluation2023");
        given().auth().oauth2(token("auditor")).queryParam("size", 100).get("/api/v1/evaluation-cycles/{id}/regions", cycle).then().statusCode(200)
                .body("items.find { it.regionCode == '52.07' }.basis", equalTo("MASTERPLAN_RATIFIED"))
                .body("items.find { it.regionCode == '52.07' }.dueFromYear", equalTo(2023));
        JsonPath table = given().auth().oauth2(token("officer-metro")).queryParam("evaluationYear", 2023).queryParam("size", 100).get("/api/v1/evaluations")
                .then().statusCode(200).extract().jsonPath();
        String ksb = "items.find { it.regionCode == '52.07' }";
        assertThat(table.getFloat(ksb + ".index")).isBetween(0f, 5f);
        assertThat(table.getMap(ksb + ".dimensions")).containsOnlyKeys("BASELINE", "OUTPUT", "OUTCOME", "IMPACT", "QUICK_WIN");
        assertThat(table.getMap(ksb + ".pillars")).containsOnlyKeys("GOVERNANCE", "BRANDING", "ECONOMY", "LIVING", "SOCIETY",
                "ENVIRONMENT");
        assertThat(table.getBoolean(ksb + ".firstEvaluation")).isTrue();
        assertThat(table.getString(ksb + ".delta")).isNull();
        assertThat(table.getInt(ksb + ".nationalRank")).isBetween(1, 4);
        assertThat(table.getInt(ksb + ".provincialRank")).isEqualTo(1);
        assertThat(table.getString(ksb + ".letterNumber")).matches("B-\\d+/DJAI/AI\\.01\\.04/\\d{2}/\\d{4}");
        String evaluationId = table.getString(ksb + ".id");
        byte[] pdf = given().auth().oauth2(token("officer-ksb")).accept("application/pdf")
                .get("/api/v1/evaluations/{id}/letter", evaluationId).then().statusCode(200).contentType("application/pdf")
                .extract().asByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (TopicEvents events = new TopicEvents("kotacerdas.evaluation.v1")) {
            JsonNode published = json(events.await(r -> is(r, "id.kotacerdas.assessment.EvaluationPublished.v1", KSB)
                    && r.value().contains(evaluationId), Duration.ofSeconds(30)));
            assertThat(published.get("year").asInt()).isEqualTo(2023);
            assertThat(published.get("delta").isNull()).isTrue();
            assertThat(published.get("letterNumber").asText()).isEqualTo(table.getString(ksb + ".letterNumber"));
        }
    }

    @Test
    void kotaKedirisTwoRecordedYearsShowTheDelta() {
        // (a suite that ran bench/EvaluationBench has later years of Kediri too)
        given().auth().oauth2(token("auditor")).get("/api/v1/evaluation-histories/{code}", "35.71").then().statusCode(200)
                .body("firstYear", equalTo(2021))
                .body("evaluations.evaluationYear", org.hamcrest.Matchers.hasItems(2021, 2022))
                .body("evaluations.find { it.evaluationYear == 2021 }.dimensions", nullValue())
                .body("evaluations.find { it.evaluationYear == 2022 }.delta.previousYear", equalTo(2021))
                .body("evaluations.find { it.evaluationYear == 2022 }.delta.index", equalTo(0.25f))
                .body("evaluations.find { it.evaluationYear == 2022 }.nationalRank", equalTo(22))
                .body("evaluations.find { it.evaluationYear == 2022 }.letterNumber", equalTo("B-1003/DJAI/AI.01.04/12/2022"));
    }

    // ---------------------------------------------------------------- issue 12: timelines and dossiers

    static JsonPath timeline(String code) {
        return given().auth().oauth2(token("auditor")).queryParam("size", 100).get("/api/v1/regions/{code}/timeline", code)
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * The timeline once it holds facts of these kinds: region-service projects the events of four services as they
     * arrive (an MoU whose validity had ended when its signing was recorded sends MouExpired right after MouSigned;
     * masterplan-service opens the masterplan work from the MouSigned in its own time).
     */
    static JsonPath timelineWith(String code, String... kinds) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> timeline(code), t -> t.getList("items.kind", String.class).containsAll(List.of(kinds)));
    }

    static String precision(JsonPath timeline, String kind) {
        return timeline.getString("items.find { it.kind == '" + kind + "' }.datePrecision");
    }

    static String on(JsonPath timeline, String kind) {
        return timeline.getString("items.find { it.kind == '" + kind + "' }.occurredOn");
    }

    @Test
    void kotaMetrosTimelineAndDossierTellItsStory() {
        JsonPath t = timelineWith(METRO, "MOU_EXPIRED", "MASTERPLAN_OPENED");
        assertThat(t.getList("items.kind", String.class)).contains("INVITED", "SELF_ASSESSMENT_SUBMITTED", "SCORED", "SELECTED",
                "RESULT_LETTER", "MOU_DRAFTED", "MOU_SCHEDULED", "MOU_SIGNED");
        assertThat(on(t, "RESULT_LETTER")).isEqualTo("2022-06-03");
        assertThat(on(t, "MOU_SIGNED")).isEqualTo("2023-02-28");
        assertThat(on(t, "MOU_EXPIRED")).as("the day after its three years").isEqualTo("2026-02-28");
        assertThat(t.getString("items.find { it.kind == 'MOU_SIGNED' }.source.eventType"))
                .isEqualTo("id.kotacerdas.agreement.MouSigned.v1");
        List<String> days = t.getList("items.occurredOn", String.class);
        assertThat(days).as("ordered by the day the fact happened").isSorted();
        assertThat(t.getList("programme.programmeYears", Integer.class)).contains(2023);
        // issue 18: no act on the day of the replay. The report gives only the year of the assessment's acts, of the
        // draft (from the selection's date) and of the scheduling: each sits on its year, with precision YEAR
        for (String kind : List.of("INVITED", "SELF_ASSESSMENT_SUBMITTED", "SCORED", "SELECTED", "MOU_DRAFTED")) {
            assertThat(on(t, kind)).as(kind).isEqualTo("2022-01-01");
            assertThat(precision(t, kind)).as(kind).isEqualTo("YEAR");
        }
        assertThat(on(t, "MOU_SCHEDULED")).isEqualTo("2023-01-01");
        assertThat(precision(t, "MOU_SCHEDULED")).isEqualTo("YEAR");
        assertThat(precision(t, "RESULT_LETTER")).isEqualTo("DAY");
        assertThat(days).as("nothing after the MoU's expiry, the last fact of the story: no entry dated by the replay")
                .allSatisfy(day -> assertThat(day).isLessThanOrEqualTo("2026-02-28"));

        // the dossier holds the region's timeline as it stands (read again after the dossier: no event in between)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token("officer-metro")).get("/api/v1/regions/{code}/dossier", METRO).then()
                        .statusCode(200)
                        .body("region.name", equalTo("Kota Metro"))
                        .body("mous.find { it.programmeYear == 2023 }.state", equalTo("EXPIRED"))
                        .body("timeline.size()", equalTo(timeline(METRO).getList("items").size())));
        given().auth().oauth2(token("auditor")).queryParam("stage", t.getString("programme.stage"))
                .queryParam("programmeYear", 2023).queryParam("size", 100).get("/api/v1/regions").then().statusCode(200)
                .body("items.code", hasItem(METRO));
    }

    @Test
    void ksbsTimelineAndDossierTellItsStoryFromTheMouToTheEvaluation() {
        JsonPath t = timelineWith(KSB, "MOU_EXPIRED", "MASTERPLAN_OPENED", "MASTERPLAN_RATIFIED", "EVALUATED");
        assertThat(t.getList("items.kind", String.class)).contains("MOU_SIGNED", "MASTERPLAN_OPENED", "BIMTEK_COMPLETED",
                "LOCAL_COMMITMENT_SIGNED", "MASTERPLAN_SUBMITTED", "MASTERPLAN_APPROVED", "MASTERPLAN_RATIFIED", "EVALUATED");
        assertThat(on(t, "MOU_SIGNED")).isEqualTo("2022-04-21");
        assertThat(on(t, "MOU_EXPIRED")).isEqualTo("2025-04-21");
        assertThat(on(t, "BIMTEK_COMPLETED")).isEqualTo("2022-09-14");
        assertThat(on(t, "LOCAL_COMMITMENT_SIGNED")).isEqualTo("2022-09-14");
        assertThat(t.getString("items.find { it.kind == 'MASTERPLAN_RATIFIED' }.datePrecision")).isEqualTo("YEAR");
        assertThat(t.getString("items.find { it.kind == 'MASTERPLAN_RATIFIED' }.summary")).contains("PERBUP (number not known)/2022");
        assertThat(t.getList("items.occurredOn", String.class)).isSorted();
        assertThat(t.getString("programme.stage")).isEqualTo("EVALUATED");
        // issue 18: the acts the report dates by their year only sit on that year, none on the day of the replay
        assertThat(on(t, "COHORT_RECORDED")).as("chosen in the 2021 assessment").isEqualTo("2021-01-01");
        for (String kind : List.of("MOU_DRAFTED", "MOU_SCHEDULED", "MASTERPLAN_SUBMITTED", "MASTERPLAN_APPROVED")) {
            assertThat(on(t, kind)).as(kind).isEqualTo("2022-01-01");
            assertThat(precision(t, kind)).as(kind).isEqualTo("YEAR");
        }
        assertThat(on(t, "EVALUATED")).isEqualTo("2023-01-01");
        assertThat(precision(t, "EVALUATED")).isEqualTo("YEAR");
        assertThat(t.getList("items.occurredOn", String.class)).as("nothing after the MoU's expiry: no entry dated by the replay")
                .allSatisfy(day -> assertThat(day).isLessThanOrEqualTo("2025-04-21"));

        given().auth().oauth2(token("officer-ksb")).get("/api/v1/regions/{code}/dossier", KSB).then().statusCode(200)
                .body("mous.find { it.programmeYear == 2022 }.state", equalTo("EXPIRED"));
        // another region's officer: the public part of KSB's dossier, none of its MoUs (agreement-service answers 403)
        given().auth().oauth2(token("officer-metro")).get("/api/v1/regions/{code}/dossier", KSB).then().statusCode(200)
                .body("region.name", equalTo("Kabupaten Sumbawa Barat"))
                .body("profile.profile.dewanSmartCity.skNumber", nullValue())
                .body("profile.profile.dewanSmartCity.sources[0].title", equalTo("Sumbawa Barat report 2022"))
                .body("mous", org.hamcrest.Matchers.empty())
                .body("timeline.kind", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("LOCAL_COMMITMENT_SIGNED")))
                .body("masterplans.find { it.programmeYear == 2022 }.state", equalTo("RATIFIED"))
                .body("evaluations.find { it.year == 2023 }.details.index", org.hamcrest.Matchers.notNullValue())
                .body("evaluations.find { it.year == 2023 }.details.delta", nullValue());
    }

    // ---------------------------------------------------------------- issue 19: what each caller sees

    static List<String> kinds(String token, String code) {
        return given().auth().oauth2(token).queryParam("size", 100).get("/api/v1/regions/{code}/timeline", code)
                .then().statusCode(200).extract().jsonPath().getList("items.kind", String.class);
    }

    /**
     * The timeline region-service projects shows each caller what the owning services show it, checked against the
     * owners themselves on the same facts: KSB's MoU (agreement-service: 403 to another region's officer, 200 to the
     * integrator once signed) and Kota Metro's assessment (invitations and self-assessments: own region or staff).
     */
    @Test
    void eachCallerSeesInTheTimelinesWhatTheOwnersShowIt() {
        JsonPath ksb = timelineWith(KSB, "MOU_EXPIRED", "LOCAL_COMMITMENT_SIGNED", "MASTERPLAN_RATIFIED", "EVALUATED");
        String mouId = ksb.getString("items.find { it.kind == 'MOU_SIGNED' }.facts.mouId");
        given().auth().oauth2(token("officer-metro")).get("/api/v1/mous/{id}", mouId).then().statusCode(403);
        given().auth().oauth2(Keycloak.integratorToken()).get("/api/v1/mous/{id}", mouId).then().statusCode(200);
        List<String> staff = ksb.getList("items.kind", String.class);
        assertThat(kinds(token("officer-ksb"), KSB)).as("the region's own officer sees what staff see").isEqualTo(staff);
        assertThat(kinds(token("officer-metro"), KSB)).as("another region's officer")
                .doesNotContain("MOU_DRAFTED", "MOU_SCHEDULED", "MOU_SIGNED", "MOU_EXPIRED", "LOCAL_COMMITMENT_SIGNED")
                .contains("MASTERPLAN_OPENED", "BIMTEK_COMPLETED", "MASTERPLAN_RATIFIED", "EVALUATED");
        assertThat(kinds(Keycloak.integratorToken(), KSB)).as("the integrator: signed MoUs, no drafts or commitments")
                .contains("MOU_SIGNED", "MOU_EXPIRED", "MASTERPLAN_RATIFIED")
                .doesNotContain("MOU_DRAFTED", "MOU_SCHEDULED", "LOCAL_COMMITMENT_SIGNED");

        JsonPath metro = timelineWith(METRO, "SELECTED", "MOU_SIGNED");
        String cycleId = metro.getString("items.find { it.kind == 'INVITED' }.facts.cycleId");
        given().auth().oauth2(token("officer-tabanan")).get("/api/v1/assessment-cycles/{id}/invitations/{code}", cycleId, METRO)
                .then().statusCode(org.hamcrest.Matchers.oneOf(403, 404));
        assertThat(kinds(token("officer-tabanan"), METRO)).as("another region's officer: the confirmed selection and score only")
                .doesNotContain("INVITED", "SELF_ASSESSMENT_SUBMITTED", "MOU_DRAFTED", "MOU_SIGNED")
                .contains("SCORED", "SELECTED", "RESULT_LETTER");
        assertThat(kinds(token("officer-metro"), METRO)).contains("INVITED", "SELF_ASSESSMENT_SUBMITTED", "MOU_DRAFTED");
    }
}
