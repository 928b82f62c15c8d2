package id.kotacerdas.masterplan;

import static id.kotacerdas.masterplan.TestSupport.ASSESSOR;
import static id.kotacerdas.masterplan.TestSupport.AUDITOR;
import static id.kotacerdas.masterplan.TestSupport.MINISTRY;
import static id.kotacerdas.masterplan.TestSupport.OFFICER_KSB;
import static id.kotacerdas.masterplan.TestSupport.count;
import static id.kotacerdas.masterplan.TestSupport.document;
import static id.kotacerdas.masterplan.TestSupport.etag;
import static id.kotacerdas.masterplan.TestSupport.json;
import static id.kotacerdas.masterplan.TestSupport.putDocument;
import static id.kotacerdas.masterplan.TestSupport.quickWin;
import static id.kotacerdas.masterplan.TestSupport.writesOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad input is a problem+json naming what is wrong, and a refused write writes nothing. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "masterplan"))
@WithTestResource(OidcWiremockTestResource.class)
class MasterplanInputTest {

    String id;

    @BeforeEach
    void masterplan() {
        TestSupport.registryReady();
        id = TestSupport.open("52.07", TestSupport.freshYear());
    }

    @Test
    void aPillarNameThatStandsForNoPillarIs422ListingTheAcceptedNames() throws Exception {
        Map<String, Object> doc = document(2023, 2032, 3);
        programmes(doc).get(1).put("pillar", "Smart Infrastructure");
        String before = writesOf(id);
        putDocument(OFFICER_KSB, id, etag(id), doc).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/unknown-pillar"))
                .body("violations[0].field", equalTo("programmes[1].pillar"))
                .body("violations[0].message", containsString("Smart Infrastructure"))
                .body("violations[0].message", containsString("GOVERNANCE"))
                .body("violations[0].message", containsString("Smart People"));
        assertThat(writesOf(id)).isEqualTo(before);
        programmes(doc).get(1).put("pillar", "smart-people");
        putDocument(OFFICER_KSB, id, etag(id), doc).then().statusCode(200).body("document.programmes[1].pillar", equalTo("SOCIETY"));
    }

    @Test
    void fieldAndSectionBoundsAre400sNamingTheField() throws Exception {
        String tag = etag(id);
        String before = writesOf(id);
        Map<String, Object> doc = document(2023, 2032, 3);
        programmes(doc).get(0).put("horizon", "VERY_LONG");
        putDocument(OFFICER_KSB, id, tag, doc).then().statusCode(400).body("violations[0].field", equalTo("programmes[0].horizon"))
                .body("violations[0].message", containsString("SHORT"));

        doc = document(2023, 2032, 3);
        List<Map<String, Object>> wins = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            wins.add(quickWin("Quick win " + i, "Smart Living"));
        }
        doc.put("quickWins", wins);
        putDocument(OFFICER_KSB, id, tag, doc).then().statusCode(400).body("violations.field", hasItem("quickWins"));

        doc = document(2023, 2032, 3);
        doc.put("vision", "x".repeat(2001));
        quickWins(doc).get(0).put("durationMonths", 24);
        putDocument(OFFICER_KSB, id, tag, doc).then().statusCode(400)
                .body("violations.field", hasItems("vision", "quickWins[0].durationMonths"));

        doc = document(2023, 2032, 3);
        doc.put("vision", "Kota\u0000cerdas");
        putDocument(OFFICER_KSB, id, tag, doc).then().statusCode(400).body("violations.field", hasItem("vision"));

        doc = document(2023, 2032, 3);
        doc.put("visi", "misspelt");
        putDocument(OFFICER_KSB, id, tag, doc).then().statusCode(400).body("violations.field", hasItem("visi"));

        doc = document(2023, 2040, 3);
        doc.put("roadmap", List.of());
        putDocument(OFFICER_KSB, id, tag, doc).then().statusCode(400).body("violations.field", hasItem("period.endYear"));
        putDocument(OFFICER_KSB, id, tag, "{\"vision\": ").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(OFFICER_KSB).header("If-Match", tag).contentType(ContentType.XML).body("<doc/>")
                .put("/api/v1/masterplans/{id}/document", id).then().statusCode(415).contentType("application/problem+json");
        assertThat(writesOf(id)).isEqualTo(before);
    }

    @Test
    void ruleThatSpanFieldsAre422s() throws Exception {
        String before = writesOf(id);
        Map<String, Object> doc = document(2023, 2032, 3);
        programmes(doc).get(0).put("subDimension", "WASTE_MANAGEMENT");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roadmap = (List<Map<String, Object>>) doc.get("roadmap");
        roadmap.add(Map.of("year", 2035, "milestones", List.of("Di luar horizon")));
        putDocument(OFFICER_KSB, id, etag(id), doc).then().statusCode(422)
                .body("violations.field", hasItems("programmes[0].subDimension", "roadmap[10].year"));
        assertThat(writesOf(id)).isEqualTo(before);
    }

    @Test
    void ifMatchIsRequiredAndMustBeCurrent() throws Exception {
        String tag = etag(id);
        putDocument(OFFICER_KSB, id, tag, document(2023, 2032, 1)).then().statusCode(200);
        String before = writesOf(id);
        putDocument(OFFICER_KSB, id, null, document(2023, 2032, 2)).then().statusCode(428)
                .body("violations[0].field", equalTo("If-Match"));
        putDocument(OFFICER_KSB, id, tag, document(2023, 2032, 2)).then().statusCode(412)
                .body("violations[0].field", equalTo("If-Match"));
        putDocument(OFFICER_KSB, id, "\"abc\"", document(2023, 2032, 2)).then().statusCode(400)
                .body("violations[0].field", equalTo("If-Match"));
        assertThat(writesOf(id)).isEqualTo(before);
        String current = etag(id);
        putDocument(OFFICER_KSB, id, current, document(2023, 2032, 1)).then().statusCode(200).header("ETag", equalTo(current));
        assertThat(writesOf(id)).as("an unchanged document writes nothing").isEqualTo(before);
    }

    @Test
    void anIncompleteMasterplanCannotBeSubmittedAndTheGapsAreNamed() throws Exception {
        Map<String, Object> doc = document(2023, 2032, 2);
        programmes(doc).remove(1); // no BRANDING programme
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roadmap = (List<Map<String, Object>>) doc.get("roadmap");
        roadmap.remove(roadmap.size() - 1);
        putDocument(OFFICER_KSB, id, etag(id), doc).then().statusCode(200);
        String before = writesOf(id);
        given().auth().oauth2(OFFICER_KSB).post("/api/v1/masterplans/{id}/submissions", id).then().statusCode(422)
                .body("type", equalTo("https://kotacerdas.id/problems/incomplete-masterplan"))
                .body("violations.field", hasItems("programmes", "quickWins", "roadmap"))
                .body("violations.message", hasItem("pillar BRANDING has no programme"))
                .body("violations.message", hasItem("at least 3 quick wins are required, 2 given"))
                .body("detail", containsString("2032"));
        assertThat(writesOf(id)).isEqualTo(before);
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().body("state", equalTo("DRAFT"));
    }

    @Test
    void aSubmittedVersionCannotBeEditedAndAnUnapprovedPlanCannotBeRatified() throws Exception {
        putDocument(OFFICER_KSB, id, etag(id), document(2023, 2032, 3)).then().statusCode(200);
        given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON).body(KsbMasterplanTest.perbup())
                .post("/api/v1/masterplans/{id}/ratification", id).then().statusCode(409)
                .body("detail", containsString("DRAFT")).body("violations[0].message", equalTo("is DRAFT"));
        given().auth().oauth2(OFFICER_KSB).post("/api/v1/masterplans/{id}/submissions", id).then().statusCode(201);
        String before = writesOf(id);
        putDocument(OFFICER_KSB, id, etag(id), document(2023, 2032, 4)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://kotacerdas.id/problems/illegal-transition"))
                .body("violations[0].field", equalTo("state")).body("violations[0].message", equalTo("is SUBMITTED"));
        given().auth().oauth2(OFFICER_KSB).post("/api/v1/masterplans/{id}/submissions", id).then().statusCode(409);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{\"comments\":[]}")
                .post("/api/v1/masterplans/{id}/approval", id).then().statusCode(409).body("detail", containsString("SUBMITTED"));
        assertThat(writesOf(id)).isEqualTo(before);

        given().auth().oauth2(ASSESSOR).post("/api/v1/masterplans/{id}/review", id).then().statusCode(200);
        String inReview = writesOf(id);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{\"comments\":[]}")
                .post("/api/v1/masterplans/{id}/revision-requests", id).then().statusCode(400)
                .body("violations.field", hasItem("comments"));
        assertThat(writesOf(id)).isEqualTo(inReview);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{}").post("/api/v1/masterplans/{id}/approval", id)
                .then().statusCode(200);
        String approved = writesOf(id);
        given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON)
                .body(KsbMasterplanTest.perbup().replace("PERBUP", "PERWALI"))
                .post("/api/v1/masterplans/{id}/ratification", id).then().statusCode(422)
                .body("violations[0].field", equalTo("instrument")).body("violations[0].message", containsString("PERBUP"));
        int next = LocalDate.now().getYear() + 1;
        given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON)
                .body("{\"instrument\":\"PERDA\",\"number\":\"2\",\"year\":" + next + ",\"ratifiedOn\":\"" + next + "-01-05\"}")
                .post("/api/v1/masterplans/{id}/ratification", id).then().statusCode(422)
                .body("violations[0].field", equalTo("ratifiedOn"));
        given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON)
                .body("{\"instrument\":\"PERDA\",\"number\":\"2\",\"year\":2021,\"ratifiedOn\":\"2022-01-05\"}")
                .post("/api/v1/masterplans/{id}/ratification", id).then().statusCode(422);
        given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON).body("{\"instrument\":\"PERPRES\",\"number\":\"1\"}")
                .post("/api/v1/masterplans/{id}/ratification", id).then().statusCode(400)
                .body("violations[0].field", equalTo("instrument"));
        // a Perbup whose number and date the record does not give: only with the record named
        given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON).body("{\"instrument\":\"PERBUP\",\"year\":2022}")
                .post("/api/v1/masterplans/{id}/ratification", id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("sources"))
                .body("violations[0].message", containsString("number and the date are not known"));
        assertThat(writesOf(id)).isEqualTo(approved);

        given().auth().oauth2(OFFICER_KSB).header("If-Match", TestSupport.etag(id)).contentType(ContentType.JSON)
                .body("{\"instrument\":\"PERBUP\",\"year\":2022,\"sources\":[{\"title\":\"Sumbawa Barat report 2022\"}]}")
                .post("/api/v1/masterplans/{id}/ratification", id).then().statusCode(200)
                .body("state", equalTo("RATIFIED")).body("ratification.instrument", equalTo("PERBUP"))
                .body("ratification.year", equalTo(2022))
                .body("ratification.number", nullValue()).body("ratification.ratifiedOn", nullValue())
                .body("ratification.sources[0].title", equalTo("Sumbawa Barat report 2022"));
        assertThat(count("outbox_event WHERE event_type = 'id.kotacerdas.masterplan.MasterplanRatified.v1'"
                + " AND payload->>'masterplanId' = '" + id + "' AND payload->'number' = 'null'::jsonb"
                + " AND payload->'sources'->0->>'title' = 'Sumbawa Barat report 2022'")).isEqualTo(1);
        String html = given().auth().oauth2(OFFICER_KSB).get("/api/v1/masterplans/{id}/export", id).then().statusCode(200)
                .extract().asString();
        assertThat(html).contains("PERBUP (number not known)/2022 (date not known)");
    }

    @Test
    void bimtekStagesOutOfOrderOrOutOfBoundsAreRefused() throws Exception {
        stage(1, "2022-06-14", "2022-06-15").then().statusCode(201);
        String before = writesOf(id);
        stage(2, "2022-06-15", "2022-06-16").then().statusCode(422)
                .body("type", equalTo("https://kotacerdas.id/problems/stage-out-of-order"))
                .body("violations[0].field", equalTo("startsOn"));
        stage(5, "2022-10-01", "2022-10-02").then().statusCode(400).body("violations[0].field", equalTo("stage"));
        stage(2, "2022-07-13", "2022-07-12").then().statusCode(400).body("violations[0].field", equalTo("endsOn"));
        stage(2, "2022-07-01", "2022-07-20").then().statusCode(400).body("violations[0].field", equalTo("endsOn"));
        stage(1, "2022-06-20", "2022-06-21").then().statusCode(409);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{\"stage\":2,\"startsOn\":\"2022-07-12\"}")
                .post("/api/v1/masterplans/{id}/bimtek-stages", id).then().statusCode(400)
                .body("violations.field", hasItems("endsOn", "mode", "guides"));
        given().auth().oauth2(ASSESSOR).get("/api/v1/masterplans/{id}/bimtek-stages/7", id).then().statusCode(400);
        given().auth().oauth2(ASSESSOR).get("/api/v1/masterplans/{id}/bimtek-stages/3", id).then().statusCode(404);
        assertThat(writesOf(id)).isEqualTo(before);

        // a stage to come cannot be recorded as held; cancelled, it can be scheduled again
        String future = LocalDate.now().plusYears(1).toString();
        String future2 = LocalDate.now().plusYears(1).plusDays(1).toString();
        stage(2, future, future2).then().statusCode(201);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/masterplans/{id}/bimtek-stages/1/holding", id).then().statusCode(200);
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/masterplans/{id}/bimtek-stages/2/holding", id).then().statusCode(422)
                .body("violations[0].field", equalTo("startsOn"));
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{\"reason\":\"Bupati berhalangan\"}")
                .post("/api/v1/masterplans/{id}/bimtek-stages/2/cancellation", id).then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        String tag = given().auth().oauth2(ASSESSOR).get("/api/v1/masterplans/{id}/bimtek-stages/2", id).then().extract().header("ETag");
        given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                .body("{\"startDate\":\"2022-07-12\",\"endDate\":\"2022-07-13\",\"mode\":\"HYBRID\",\"guides\":[\"Fitrah Rahmat Kausar\"]}")
                .put("/api/v1/masterplans/{id}/bimtek-stages/2", id).then().statusCode(428);
        // the old names (startDate/endDate, issue 25) are still accepted; the answer gives the new ones only
        given().auth().oauth2(ASSESSOR).header("If-Match", tag).contentType(ContentType.JSON)
                .body("{\"startDate\":\"2022-07-12\",\"endDate\":\"2022-07-13\",\"mode\":\"HYBRID\",\"guides\":[\"Fitrah Rahmat Kausar\"]}")
                .put("/api/v1/masterplans/{id}/bimtek-stages/2", id).then().statusCode(200)
                .body("state", equalTo("PLANNED")).body("rescheduleCount", equalTo(1))
                .body("startsOn", equalTo("2022-07-12")).body("endsOn", equalTo("2022-07-13"))
                .body("startDate", nullValue()).body("endDate", nullValue());
        given().auth().oauth2(ASSESSOR).header("If-Match", tag).contentType(ContentType.JSON)
                .body("{\"startsOn\":\"2022-07-19\",\"endsOn\":\"2022-07-20\",\"mode\":\"HYBRID\",\"guides\":[\"Fitrah Rahmat Kausar\"]}")
                .put("/api/v1/masterplans/{id}/bimtek-stages/2", id).then().statusCode(412);
        String held = given().auth().oauth2(ASSESSOR).get("/api/v1/masterplans/{id}/bimtek-stages/1", id).then().extract().header("ETag");
        given().auth().oauth2(ASSESSOR).header("If-Match", held).contentType(ContentType.JSON)
                .body("{\"startsOn\":\"2022-06-01\",\"endsOn\":\"2022-06-02\",\"mode\":\"HYBRID\",\"guides\":[\"A\"]}")
                .put("/api/v1/masterplans/{id}/bimtek-stages/1", id).then().statusCode(409)
                .body("violations[0].message", equalTo("is HELD"));
    }

    @Test
    void openingChecksTheRegionTheYearAndRetries() throws Exception {
        long before = TestSupport.count("masterplan");
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"52.99\",\"programmeYear\":2022,\"kind\":\"GUIDED\",\"title\":\"X\"}")
                .post("/api/v1/masterplans").then().statusCode(404);
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"91.01\",\"programmeYear\":2022,\"kind\":\"GUIDED\",\"title\":\"X\"}")
                .post("/api/v1/masterplans").then().statusCode(404).body("detail", containsString("93.01"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"52-07\",\"programmeYear\":1990,\"kind\":\"HANDMADE\",\"title\":\"\"}")
                .post("/api/v1/masterplans").then().statusCode(400);
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"52-07\",\"programmeYear\":1990,\"kind\":\"SELF_MADE\",\"title\":\"\"}")
                .post("/api/v1/masterplans").then().statusCode(400)
                .body("violations.field", hasItems("regionCode", "programmeYear", "title"));
        int year = given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().extract().path("programmeYear");
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body("{\"regionCode\":\"52.07\",\"programmeYear\":" + year + ",\"kind\":\"REVISION\",\"title\":\"Lagi\"}")
                .post("/api/v1/masterplans").then().statusCode(409).body("detail", containsString(id));
        assertThat(TestSupport.count("masterplan")).isEqualTo(before);

        // Pangkalpinang's own masterplan of 2021, made before the programme, recorded as an earlier masterplan
        String key = UUID.randomUUID().toString();
        String body = "{\"regionCode\":\"19.71\",\"programmeYear\":2021,\"kind\":\"SELF_MADE\",\"title\":\"Masterplan Smart City Kota Pangkalpinang 2021\"}";
        Response first = given().auth().oauth2(MINISTRY).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/masterplans");
        first.then().statusCode(201).body("kind", equalTo("SELF_MADE")).body("openedFrom", equalTo("MANUAL")).body("origin", equalTo("LIVE"))
                .body("regionName", equalTo("Kota Pangkal Pinang"));
        given().auth().oauth2(MINISTRY).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/api/v1/masterplans").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")));
        given().auth().oauth2(MINISTRY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body.replace("2021", "2020")).post("/api/v1/masterplans").then().statusCode(422)
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertThat(TestSupport.count("masterplan WHERE region_code = '19.71'")).isEqualTo(1);
    }

    @Test
    void theListIsByRegionUnlessSortSaysOtherwise() {
        int year = TestSupport.freshYear();
        String ksb = TestSupport.open("52.07", year);
        String pontianak = TestSupport.open("61.71", year);
        given().auth().oauth2(AUDITOR).queryParam("programmeYear", year).get("/api/v1/masterplans").then().statusCode(200)
                .body("items.id", equalTo(List.of(ksb, pontianak)));
        given().auth().oauth2(AUDITOR).queryParam("programmeYear", year).queryParam("sort", "-regionCode")
                .get("/api/v1/masterplans").then().statusCode(200).body("items.id", equalTo(List.of(pontianak, ksb)));
        given().auth().oauth2(AUDITOR).queryParam("sort", "title").get("/api/v1/masterplans").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
    }

    @Test
    void badParametersAre400sAndUnknownMasterplans404s() {
        given().auth().oauth2(AUDITOR).queryParam("size", "abc").get("/api/v1/masterplans").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        given().auth().oauth2(AUDITOR).queryParam("regionCode", "5207").get("/api/v1/masterplans").then().statusCode(400)
                .body("violations[0].field", equalTo("regionCode"));
        given().auth().oauth2(AUDITOR).queryParam("state", "DONE").get("/api/v1/masterplans").then().statusCode(400);
        given().auth().oauth2(AUDITOR).queryParam("size", 101).get("/api/v1/masterplans").then().statusCode(400);
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/not-a-uuid").then().statusCode(400);
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/versions/1", id).then().statusCode(404);
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/version-diff?from=1", id).then().statusCode(400)
                .body("violations.field", hasItem("to"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> programmes(Map<String, Object> doc) {
        return (List<Map<String, Object>>) doc.get("programmes");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> quickWins(Map<String, Object> doc) {
        return (List<Map<String, Object>>) doc.get("quickWins");
    }

    Response stage(int stage, String start, String end) {
        return given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                .body(json(Map.of("stage", stage, "startsOn", start, "endsOn", end, "mode", "OFFLINE",
                        "guides", List.of("Fitrah Rahmat Kausar"))))
                .post("/api/v1/masterplans/{id}/bimtek-stages", id);
    }
}
