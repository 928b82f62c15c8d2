package id.kotacerdas.agreement;

import static id.kotacerdas.agreement.Api.MINISTRY;
import static id.kotacerdas.agreement.Api.OFFICER_KSB;
import static id.kotacerdas.agreement.Api.OFFICER_METRO;
import static id.kotacerdas.agreement.Api.OFFICER_TABANAN;
import static id.kotacerdas.agreement.Api.etag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
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
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The seed facts of issue 9 through the API, as the ministry and the regions' officers record them. What the
 * sources say is recorded as they say it: the 2022-04-21 national ceremony with Kota Pangkal Pinang (the Sekda
 * Radmida Dawam signed for the Wali Kota at the Ruang OR Kantor Wali Kota, the Minister Johnny G Plate witnessing
 * virtually: HYBRID), Kabupaten Tabanan (the Sekda I Gede Susila with the Direktur Jenderal Aplikasi Informatika,
 * Tabanan Command Centre, VIRTUAL, the four scope items), Kabupaten Sumbawa Barat (the Bupati; the report names
 * neither him nor the venue, so the record says so) and Kota Pariaman (Wali Kota Genius Umar, ruang rapat wali
 * kota); Kota Metro's MoU of 2023-02-28 at the Kantor Dinas Kominfo Kota Metro with the Asisten II Sekda Yerri
 * Ehwan attending and no known signatory.
 * <p>
 * Test data that is not a sourced fact: the validity (3 years; the reports do not give it), the name of the 2022
 * Direktur Jenderal (Semuel Abrijani Pangerapan, per the Kota Tegal report in DOMAIN.md §3), and KSB's commitment
 * date and OPDs (the report says the regional head and OPD heads signed at the last bimtek, Sept 2022, not who).
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class SeedFactsScenarioTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String OFFICER_PANGKALPINANG = Tokens.forRegionOfficer("officer-pangkalpinang", "19.71");
    static final String OFFICER_PARIAMAN = Tokens.forRegionOfficer("officer-pariaman", "13.77");
    static final String DIRJEN_2022 = """
            {"name":"Semuel Abrijani Pangerapan","position":"Direktur Jenderal Aplikasi Informatika"}""";
    static final String MINISTER_WITNESS = """
            [{"name":"Johnny G Plate","position":"Menteri Komunikasi dan Informatika","attendance":"VIRTUAL"}]""";

    @BeforeEach
    void registry() {
        Api.registry();
    }

    @Test
    void theNationalCeremonyOf2022HoldsTheMousOfItsCohortAsTheReportsTellThem() throws Exception {
        JsonPath ceremony = Api.ceremony(2022, "2022-04-21", "VIRTUAL");
        String ceremonyId = ceremony.getString("id");
        String terms = """
                {"documentName":"Nota Kesepakatan","validityYears":3,"firstPartySignatory":%s,"witnesses":%s,\
                "scope":{"standardItems":["BIMTEK_MASTERPLAN","DATA_EXCHANGE_AND_FOSS","SOSIALISASI_AND_FGD","NATIONAL_SERVICES_INTEGRATION"]}}"""
                .formatted(DIRJEN_2022, MINISTER_WITNESS);
        Map<String, String> ids = new HashMap<>();
        for (String code : List.of("19.71", "51.02", "52.07", "13.77")) {
            // recorded after the fact: drafted in 2022 (the sources do not say when exactly), long before today
            ids.put(code, Api.draft(code, 2022, code.equals("52.07") ? """
                    {"documentName":"nota kesepakatan","validityYears":3,"firstPartySignatory":%s,\
                    "sources":[{"title":"Sumbawa Barat report 2022 (regional news report on the MoU signing)"}]}"""
                    .formatted(DIRJEN_2022) : terms, "{\"date\":\"2022\"}").getString("id"));
        }

        // each region fills in its own side: its officer, or the ministry for it
        localSide(OFFICER_PANGKALPINANG, ids.get("19.71"), """
                {"localVenue":"Ruang OR Kantor Wali Kota Pangkal Pinang","localMode":"HYBRID",\
                "secondPartySignatory":{"name":"Radmida Dawam","position":"Sekretaris Daerah Kota Pangkal Pinang",\
                "onBehalfOf":"Wali Kota Pangkal Pinang"}}""");
        localSide(OFFICER_TABANAN, ids.get("51.02"), """
                {"localVenue":"Tabanan Command Centre","localMode":"VIRTUAL",\
                "secondPartySignatory":{"name":"I Gede Susila","position":"Sekretaris Daerah Kabupaten Tabanan",\
                "onBehalfOf":"Bupati Tabanan"}}""");
        localSide(OFFICER_KSB, ids.get("52.07"), """
                {"localVenueKnown":false,"secondPartySignatory":{"known":false,"position":"Bupati Sumbawa Barat"}}""");
        localSide(OFFICER_PARIAMAN, ids.get("13.77"), """
                {"regionalHeadName":"Genius Umar","localVenue":"Ruang rapat Wali Kota Pariaman",\
                "secondPartySignatory":{"name":"Genius Umar","position":"Wali Kota Pariaman"}}""");

        // the ministry schedules the whole 2022 cohort into the ceremony (in April 2022), then records that it took
        // place: a ceremony held before its MoUs were drafted or scheduled would be refused (ActDatesApiTest)
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"allDrafts\":true,\"occurred\":{\"date\":\"2022-04\",\"precision\":\"MONTH\"}}")
                .post("/api/v1/mou-ceremonies/{id}/mous", ceremonyId).then().statusCode(200)
                .body("scheduled.regionCode", containsInAnyOrder("13.77", "19.71", "51.02", "52.07"))
                .body("scheduled.state", hasItem("SCHEDULED"));
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            given().auth().oauth2(MINISTRY).header("If-Match", etag(ceremony)).contentType(ContentType.JSON)
                    .body("{\"heldOn\":\"2022-04-21\"}")
                    .post("/api/v1/mou-ceremonies/{id}/holding", ceremonyId).then().statusCode(200)
                    .body("ceremony.state", equalTo("HELD"))
                    .body("ceremony.heldOn", equalTo("2022-04-21"))
                    .body("signed.regionCode", containsInAnyOrder("13.77", "19.71", "51.02", "52.07"))
                    .body("notSigned", hasSize(0));

            List<ConsumerRecord<String, String>> signed = events.awaitRecords(
                    r -> "id.kotacerdas.agreement.MouSigned.v1".equals(KafkaEvents.header(r, "ce_type"))
                            && ids.values().stream().anyMatch(id -> r.value().contains(id)),
                    4, Duration.ofSeconds(30));
            Map<String, JsonNode> byRegion = new HashMap<>();
            for (ConsumerRecord<String, String> r : signed) {
                JsonNode data = JSON.readTree(r.value());
                assertThat(r.key()).isEqualTo(data.get("regionCode").asText());
                assertThat(KafkaEvents.header(r, "ce_source")).isEqualTo("/kotacerdas/agreement-service");
                assertThat(KafkaEvents.header(r, "ce_subject")).isEqualTo(r.key());
                byRegion.put(r.key(), data);
            }
            JsonNode pangkalPinang = byRegion.get("19.71");
            assertThat(pangkalPinang.get("signedOn").asText()).isEqualTo("2022-04-21");
            assertThat(pangkalPinang.at("/occurred/date").asText()).as("heldOn is the signing's date").isEqualTo("2022-04-21");
            assertThat(pangkalPinang.at("/occurred/precision").asText()).isEqualTo("DAY");
            assertThat(pangkalPinang.get("mode").asText()).isEqualTo("HYBRID");
            assertThat(pangkalPinang.at("/venue/name").asText()).isEqualTo("Ruang OR Kantor Wali Kota Pangkal Pinang");
            assertThat(pangkalPinang.at("/secondPartySignatory/name").asText()).isEqualTo("Radmida Dawam");
            assertThat(pangkalPinang.at("/secondPartySignatory/onBehalfOf").asText()).isEqualTo("Wali Kota Pangkal Pinang");
            assertThat(pangkalPinang.at("/secondParty/position").asText()).isEqualTo("Wali Kota Pangkal Pinang");
            assertThat(pangkalPinang.at("/witnesses/0/name").asText()).isEqualTo("Johnny G Plate");
            assertThat(pangkalPinang.at("/witnesses/0/attendance").asText()).isEqualTo("VIRTUAL");
            assertThat(pangkalPinang.at("/ceremony/date").asText()).as("deprecated, kept in v1").isEqualTo("2022-04-21");
            assertThat(pangkalPinang.at("/ceremony/heldOn").asText()).isEqualTo("2022-04-21");
            assertThat(pangkalPinang.at("/ceremony/plannedOn").isTextual()).isTrue();
            assertThat(pangkalPinang.at("/validity/from").asText()).isEqualTo("2022-04-21");
            assertThat(pangkalPinang.at("/validity/until").asText()).isEqualTo("2025-04-20");
            JsonNode tabanan = byRegion.get("51.02");
            assertThat(tabanan.get("mode").asText()).isEqualTo("VIRTUAL");
            assertThat(tabanan.at("/venue/name").asText()).isEqualTo("Tabanan Command Centre");
            assertThat(tabanan.at("/secondPartySignatory/name").asText()).isEqualTo("I Gede Susila");
            assertThat(tabanan.at("/firstPartySignatory/position").asText()).isEqualTo("Direktur Jenderal Aplikasi Informatika");
            assertThat(tabanan.at("/secondParty/position").asText()).isEqualTo("Bupati Tabanan");
            List<String> scope = tabanan.at("/scope/standardItems").findValuesAsText("code");
            assertThat(scope).containsExactly("BIMTEK_MASTERPLAN", "DATA_EXCHANGE_AND_FOSS", "SOSIALISASI_AND_FGD",
                    "NATIONAL_SERVICES_INTEGRATION");
            JsonNode ksb = byRegion.get("52.07");
            assertThat(ksb.at("/secondParty/position").asText()).isEqualTo("Bupati Sumbawa Barat");
            assertThat(ksb.at("/secondPartySignatory/known").asBoolean()).isFalse();
            assertThat(ksb.at("/secondPartySignatory/name").isNull()).isTrue();
            assertThat(ksb.at("/venue/known").asBoolean()).isFalse();
            assertThat(ksb.at("/sources/0/title").asText()).startsWith("Sumbawa Barat report 2022");
            JsonNode pariaman = byRegion.get("13.77");
            assertThat(pariaman.at("/secondParty/name").asText()).isEqualTo("Genius Umar");
            assertThat(pariaman.at("/secondPartySignatory/onBehalfOf").isNull()).isTrue();
            assertThat(pariaman.get("mode").isNull()).as("the report does not say how Pariaman took part").isTrue();
        }

        // the ceremony holds the four, signed and, their three years over since 2025-04-20, expired at once (as the
        // expiry check would have on 2025-04-21); the revision as signed is kept
        given().auth().oauth2(Api.AUDITOR).queryParam("ceremonyId", ceremonyId).get("/api/v1/mous").then().statusCode(200)
                .body("total", equalTo(4))
                .body("items.state", everyItemIs("EXPIRED"))
                .body("items.stateChangedOn", everyItemIs("2025-04-21"))
                .body("items.regionCode", containsInAnyOrder("13.77", "19.71", "51.02", "52.07"));
        given().auth().oauth2(Api.AUDITOR).queryParam("ceremonyId", ceremonyId).get("/api/v1/mous/counts").then()
                .statusCode(200).body("total", equalTo(4)).body("byState.EXPIRED", equalTo(4)).body("byState.DRAFT", equalTo(0));
        Api.get(MINISTRY, ids.get("51.02")).then().statusCode(200)
                .body("kind", equalTo("NOTA_KESEPAKATAN"))
                .body("secondParty.title", equalTo("BUPATI"))
                .body("scope.standardItems", hasSize(4))
                .body("scope.standardItems[0].text", equalTo("Bimbingan teknis penyusunan Rencana Induk (Masterplan) Smart City"))
                .body("ceremony.id", equalTo(ceremonyId))
                .body("ceremony.plannedOn", notNullValue())
                .body("ceremony.heldOn", equalTo("2022-04-21"))
                .body("ceremony.date", nullValue())
                .body("localMode", equalTo("VIRTUAL"))
                .body("revision", equalTo(1));
        given().auth().oauth2(MINISTRY).get("/api/v1/mous/{id}/revisions", ids.get("19.71")).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].kind", equalTo("SIGNED"))
                .body("items[0].effectiveOn", equalTo("2022-04-21"));
        // officer-metro cannot touch Tabanan's MoU
        given().auth().oauth2(OFFICER_METRO).get("/api/v1/mous/{id}", ids.get("51.02")).then().statusCode(403);
    }

    /**
     * Also the MoU recorded after the fact (issue 18): drafted in 2022 (selected by the 2022 assessment), scheduled in
     * February 2023, signed on 2023-02-28, all recorded today (the service's clock, years later). Each act keeps its
     * date and precision in the read and in its event, beside the recording instant.
     */
    @Test
    void kotaMetro2023HasItsAttendeeAndHonestlyNoKnownSignatory() throws Exception {
        KafkaEvents early = KafkaEvents.on(Api.TOPIC);
        JsonPath ceremony = Api.ceremony(2023, "2023-02-28", "VIRTUAL");
        JsonPath mou = Api.draft("18.72", 2023, "{\"validityYears\":3,\"firstPartySignatory\":{\"known\":false}}",
                "{\"date\":\"2022\",\"precision\":\"YEAR\"}");
        String id = mou.getString("id");
        assertThat(mou.getString("occurred.drafted.date")).isEqualTo("2022");
        assertThat(mou.getString("occurred.drafted.precision")).isEqualTo("YEAR");
        assertThat(mou.getString("occurred.scheduled")).isNull();
        assertThat(mou.getString("createdAt")).as("recorded now, beside the act's date").startsWith("20");
        mou = localSide(OFFICER_METRO, id, """
                {"localVenue":"Kantor Dinas Kominfo Kota Metro","secondPartySignatory":{"known":false},\
                "attendees":[{"name":"Yerri Ehwan","position":"Asisten II Sekda Kota Metro"}]}""");
        assertThat(mou.getList("missingForSigning")).containsExactly("sources");
        mou = given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"ceremonyId\":\"" + ceremony.getString("id") + "\",\"occurred\":{\"date\":\"2023-02\"}}")
                .post("/api/v1/mous/{id}/schedule", id).then().statusCode(200) // the old path, until issue 25
                .header("Deprecation", equalTo("true"))
                .header("Link", org.hamcrest.Matchers.containsString("/api/v1/mous/" + id + "/scheduling>"))
                .body("state", equalTo("SCHEDULED"))
                .body("occurred.scheduled.date", equalTo("2023-02"))
                .body("occurred.scheduled.precision", equalTo("MONTH"))
                .body("scheduledAt", org.hamcrest.Matchers.notNullValue()).extract().jsonPath();
        try (early) {
            JsonNode drafted = JSON.readTree(early.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouDrafted.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(30)).value());
            assertThat(drafted.at("/occurred/date").asText()).isEqualTo("2022");
            assertThat(drafted.at("/occurred/precision").asText()).isEqualTo("YEAR");
            assertThat(drafted.get("draftedAt").asText()).isNotBlank();
            JsonNode scheduled = JSON.readTree(early.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouScheduled.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(30)).value());
            assertThat(scheduled.at("/occurred/date").asText()).isEqualTo("2023-02");
            assertThat(scheduled.at("/occurred/precision").asText()).isEqualTo("MONTH");
            assertThat(scheduled.get("scheduledAt").asText()).isNotBlank();
        }

        // without saying where the record comes from, "not known" is not accepted
        long before = Api.count("audit_entry");
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"signedOn\":\"2023-02-28\"}")
                .post("/api/v1/mous/{id}/signing", id).then().statusCode(422)
                .contentType("application/problem+json").body("violations.field", hasItem("sources"));
        assertThat(Api.count("audit_entry")).isEqualTo(before);

        mou = given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON).body("""
                {"validityYears":3,"firstPartySignatory":{"known":false},\
                "sources":[{"title":"Metro report 2023 (regional news report on the 28 Feb 2023 signing)","publishedOn":"2023-02-28"}]}""")
                .put("/api/v1/mous/{id}/terms", id).then().statusCode(200).extract().jsonPath();
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                    .body("{\"signedOn\":\"2023-02-28\"}")
                    .post("/api/v1/mous/{id}/signing", id).then().statusCode(200)
                    // in force until 2026-02-27: recorded later, it is expired as soon as it is signed
                    .body("state", equalTo("EXPIRED"))
                    .body("stateChangedOn", equalTo("2026-02-28"))
                    .body("signedOn", equalTo("2023-02-28"))
                    .body("localVenue", equalTo("Kantor Dinas Kominfo Kota Metro"))
                    .body("secondPartySignatory.known", equalTo(false))
                    .body("secondPartySignatory.name", nullValue())
                    .body("firstPartySignatory.known", equalTo(false))
                    .body("attendees[0].name", equalTo("Yerri Ehwan"))
                    .body("attendees[0].position", equalTo("Asisten II Sekda Kota Metro"))
                    .body("secondParty.position", equalTo("Wali Kota Metro"))
                    .body("validity.until", equalTo("2026-02-27"))
                    .body("occurred.drafted.date", equalTo("2022"))
                    .body("occurred.scheduled.date", equalTo("2023-02"))
                    .body("occurred.signed.date", equalTo("2023-02-28"))
                    .body("occurred.signed.precision", equalTo("DAY"))
                    .body("occurred.ended.date", equalTo("2026-02-28"));
            ConsumerRecord<String, String> signed = events.awaitRecord(r -> "18.72".equals(r.key())
                    && "id.kotacerdas.agreement.MouSigned.v1".equals(KafkaEvents.header(r, "ce_type")),
                    Duration.ofSeconds(30));
            JsonNode data = JSON.readTree(signed.value());
            assertThat(data.at("/secondPartySignatory/known").asBoolean()).isFalse();
            assertThat(data.at("/secondPartySignatory/name").isNull()).isTrue();
            assertThat(data.at("/ceremony/date").asText()).as("deprecated, kept in v1").isEqualTo("2023-02-28");
            assertThat(data.at("/ceremony/plannedOn").asText()).isEqualTo("2023-02-28");
            assertThat(data.at("/ceremony/heldOn").isNull()).as("a recorded signing does not hold its ceremony").isTrue();
            assertThat(data.at("/occurred/date").asText()).isEqualTo("2023-02-28");
            assertThat(data.at("/occurred/precision").asText()).isEqualTo("DAY");
            assertThat(data.get("recordedAt").asText()).as("the recording instant stays beside it").isNotBlank();
        }
    }

    @Test
    void sumbawaBaratRecordsItsLocalCommitmentWithItsOpds() throws Exception {
        String body = """
                {"regionCode":"52.07","title":"Komitmen Bersama Penyusunan Masterplan Smart City","signedOn":"2022-09-30",\
                "venue":"Kabupaten Sumbawa Barat","regionalHead":{"position":"Bupati Sumbawa Barat"},\
                "sekda":{"position":"Sekretaris Daerah Kabupaten Sumbawa Barat"},\
                "opds":[{"name":"Badan Perencanaan Pembangunan Daerah","head":{"position":"Kepala Bappeda"}},\
                {"name":"Dinas Komunikasi dan Informatika","head":{"position":"Kepala Dinas"}},\
                {"name":"Badan Pengelola Keuangan dan Aset Daerah","head":{"position":"Kepala Badan"}}],\
                "bimtek":{"stage":4},"sources":[{"title":"Sumbawa Barat report 2022"}]}""";
        List<Long> before = Api.writes();
        given().auth().oauth2(OFFICER_METRO).contentType(ContentType.JSON).body(body)
                .post("/api/v1/local-commitments").then().statusCode(403).contentType("application/problem+json");
        assertThat(Api.writes()).isEqualTo(before);

        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            String id = given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/local-commitments").then().statusCode(201)
                    .body("regionName", equalTo("Kabupaten Sumbawa Barat"))
                    .body("opds", hasSize(3))
                    .body("opds[1].name", equalTo("Dinas Komunikasi dan Informatika"))
                    .body("bimtek.stage", equalTo(4))
                    .extract().path("id");
            ConsumerRecord<String, String> event = events.awaitRecord(r -> r.value() != null && r.value().contains(id),
                    Duration.ofSeconds(30));
            assertThat(event.key()).isEqualTo("52.07");
            assertThat(KafkaEvents.header(event, "ce_type")).isEqualTo("id.kotacerdas.agreement.LocalCommitmentSigned.v1");
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("opds")).hasSize(3);
            assertThat(data.at("/regionalHead/position").asText()).isEqualTo("Bupati Sumbawa Barat");

            given().auth().oauth2(MINISTRY).queryParam("regionCode", "52.07").get("/api/v1/local-commitments").then()
                    .statusCode(200).body("items.id", hasItem(id));
            given().auth().oauth2(OFFICER_METRO).get("/api/v1/local-commitments/{id}", id).then().statusCode(403);
            given().auth().oauth2(OFFICER_METRO).queryParam("regionCode", "52.07").get("/api/v1/local-commitments")
                    .then().statusCode(403);
            given().auth().oauth2(OFFICER_METRO).get("/api/v1/local-commitments").then().statusCode(200)
                    .body("items.regionCode", org.hamcrest.Matchers.not(hasItem("52.07")));
        }
    }

    static JsonPath localSide(String token, String id, String body) {
        JsonPath mou = Api.get(MINISTRY, id).then().statusCode(200).extract().jsonPath();
        return given().auth().oauth2(token).header("If-Match", etag(mou)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/mous/{id}/local-side", id).then().statusCode(200).extract().jsonPath();
    }

    static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
