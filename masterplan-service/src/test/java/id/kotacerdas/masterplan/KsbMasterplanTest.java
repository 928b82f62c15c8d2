package id.kotacerdas.masterplan;

import static id.kotacerdas.masterplan.TestSupport.ASSESSOR;
import static id.kotacerdas.masterplan.TestSupport.AUDITOR;
import static id.kotacerdas.masterplan.TestSupport.JSON;
import static id.kotacerdas.masterplan.TestSupport.MINISTRY;
import static id.kotacerdas.masterplan.TestSupport.OFFICER_KSB;
import static id.kotacerdas.masterplan.TestSupport.OFFICER_METRO;
import static id.kotacerdas.masterplan.TestSupport.TOPIC;
import static id.kotacerdas.masterplan.TestSupport.count;
import static id.kotacerdas.masterplan.TestSupport.document;
import static id.kotacerdas.masterplan.TestSupport.json;
import static id.kotacerdas.masterplan.TestSupport.mouSigned;
import static id.kotacerdas.masterplan.TestSupport.putDocument;
import static id.kotacerdas.masterplan.TestSupport.quickWin;
import static id.kotacerdas.masterplan.TestSupport.send;
import static id.kotacerdas.masterplan.TestSupport.writesOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kabupaten Sumbawa Barat (52.07), cohort 2022, end to end: its masterplan work opens from its signed MoU (delivered
 * twice, and published again under a new id: opened once), four bimtek stages June–September 2022 with guide Fitrah
 * Rahmat Kausar ({@code BimtekCompleted} after stage 4), its document with quick wins submitted, sent back, submitted
 * again, approved and ratified by a Perbup; every milestone on Kafka, keyed 52.07.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "masterplan"))
@WithTestResource(OidcWiremockTestResource.class)
class KsbMasterplanTest {

    static final String GUIDE = "Fitrah Rahmat Kausar";
    static final String[][] STAGES = { { "2022-06-14", "2022-06-15" }, { "2022-07-12", "2022-07-13" },
            { "2022-08-16", "2022-08-17" }, { "2022-09-13", "2022-09-14" } };

    @BeforeEach
    void registry() {
        TestSupport.registryReady();
    }

    @Test
    void ksbMasterplanOpensFromItsMouGoesThroughFourBimtekStagesAndIsRatifiedByAPerbup() throws Exception {
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            // ---- opened from the signed MoU, once, however often it arrives
            UUID mouId = UUID.randomUUID();
            String first = UUID.randomUUID().toString(), again = UUID.randomUUID().toString();
            var signed = mouSigned(first, "52.07", "Kabupaten Sumbawa Barat", 2022, "2022-04-21", mouId);
            send(signed, signed, mouSigned(again, "52.07", "Kabupaten Sumbawa Barat", 2022, "2022-04-21", mouId));
            await().atMost(Duration.ofSeconds(30)).until(() -> count("processed_event WHERE consumer = 'agreement-events'"
                    + " AND event_id IN ('" + first + "', '" + again + "')") == 2);
            assertThat(count("masterplan WHERE region_code = '52.07' AND programme_year = 2022")).isEqualTo(1);
            String id = given().auth().oauth2(OFFICER_KSB).queryParam("regionCode", "52.07").queryParam("programmeYear", 2022)
                    .get("/api/v1/masterplans").then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].openedFrom", equalTo("MOU_SIGNED")).body("items[0].origin", equalTo("LIVE")).body("items[0].mouId", equalTo(mouId.toString()))
                    .body("items[0].state", equalTo("DRAFT")).body("items[0].kind", equalTo("GUIDED"))
                    .extract().path("items[0].id");
            assertThat(count("outbox_event WHERE event_type = 'id.kotacerdas.masterplan.MasterplanOpened.v1'"
                    + " AND payload->>'masterplanId' = '" + id + "'")).isEqualTo(1);
            ConsumerRecord<String, String> opened = events.awaitRecord(r -> isType(r, "MasterplanOpened") && r.value().contains(id),
                    Duration.ofSeconds(15));
            assertThat(opened.key()).isEqualTo("52.07");
            assertThat(KafkaEvents.header(opened, "ce_source")).isEqualTo("/kotacerdas/masterplan-service");
            assertThat(KafkaEvents.header(opened, "ce_requestid")).isEqualTo("req-" + first);
            assertThat(JSON.readTree(opened.value()).get("regionName").asText()).isEqualTo("Kabupaten Sumbawa Barat");

            // ---- four bimtek stages, June to September 2022
            String key = UUID.randomUUID().toString();
            for (int stage = 1; stage <= 4; stage++) {
                Response scheduled = schedule(id, stage, key + stage);
                scheduled.then().statusCode(201)
                        .header("Location", endsWith("/api/v1/masterplans/" + id + "/bimtek-stages/" + stage))
                        .body("state", equalTo("PLANNED")).body("guides", hasItem(GUIDE));
            }
            schedule(id, 1, key + 1).then().statusCode(201).header("Idempotent-Replayed", "true");
            assertThat(count("bimtek_stage WHERE masterplan_id = '" + id + "'")).isEqualTo(4);

            String before = writesOf(id);
            given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/masterplans/{id}/bimtek-stages/2/holding", id).then().statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("stage 1")).body("violations[0].field", equalTo("stage[1].state"))
                    .body("violations[0].message", equalTo("is PLANNED"));
            assertThat(writesOf(id)).isEqualTo(before);

            String stageTag = given().auth().oauth2(OFFICER_KSB).get("/api/v1/masterplans/{id}/bimtek-stages/1", id).then()
                    .statusCode(200).extract().header("ETag");
            Map<String, Object> attendance = Map.of("opds", List.of("Bappeda", "Dinas Komunikasi dan Informatika", "Dinas Kesehatan"),
                    "dewanMembers", List.of(Map.of("name", "H. W. Musyafirin", "role", "Ketua Dewan Smart City")),
                    "timPelaksanaMembers", List.of(Map.of("name", "Ir. Amar Nurmansyah", "role", "Ketua Tim Pelaksana")));
            given().auth().oauth2(OFFICER_METRO).header("If-Match", stageTag).contentType(ContentType.JSON).body(json(attendance))
                    .put("/api/v1/masterplans/{id}/bimtek-stages/1/attendance", id).then().statusCode(403);
            assertThat(writesOf(id)).isEqualTo(before);
            given().auth().oauth2(OFFICER_KSB).header("If-Match", stageTag).contentType(ContentType.JSON).body(json(attendance))
                    .put("/api/v1/masterplans/{id}/bimtek-stages/1/attendance", id).then().statusCode(200)
                    .body("attendance.opds", hasItem("Bappeda")).body("updatedBy", equalTo("officer-ksb"));

            for (int stage = 1; stage <= 4; stage++) {
                given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                        .body(json(Map.of("outputs", List.of(Map.of("title", "Keluaran tahap " + stage)))))
                        // stage 1 by the old path (until issue 25): served, and deprecated with a link to the new
                        .post("/api/v1/masterplans/{id}/bimtek-stages/{stage}/" + (stage == 1 ? "hold" : "holding"), id, stage)
                        .then().statusCode(200).body("state", equalTo("HELD"))
                        .header("Deprecation", stage == 1 ? equalTo("true") : nullValue())
                        .header("Link", stage == 1 ? equalTo("</api/v1/masterplans/" + id + "/bimtek-stages/1/holding>; rel=\"successor-version\"")
                                : nullValue());
            }
            // the stages as a list: the one envelope, in stage order, a page at a time
            given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/bimtek-stages", id).then().statusCode(200)
                    .body("masterplanId", equalTo(id)).body("items.stage", equalTo(List.of(1, 2, 3, 4)))
                    .body("page", equalTo(0)).body("size", equalTo(20)).body("total", equalTo(4)).body("totalPages", equalTo(1));
            given().auth().oauth2(AUDITOR).queryParam("page", 1).queryParam("size", 3)
                    .get("/api/v1/masterplans/{id}/bimtek-stages", id).then().statusCode(200)
                    .body("items.stage", equalTo(List.of(4))).body("total", equalTo(4)).body("totalPages", equalTo(2));
            given().auth().oauth2(AUDITOR).queryParam("size", 101)
                    .get("/api/v1/masterplans/{id}/bimtek-stages", id).then().statusCode(400);
            ConsumerRecord<String, String> completed = events.awaitRecord(
                    r -> isType(r, "BimtekCompleted") && r.value().contains(id), Duration.ofSeconds(15));
            assertThat(completed.key()).isEqualTo("52.07");
            JsonNode done = JSON.readTree(completed.value());
            assertThat(done.get("completedOn").asText()).isEqualTo("2022-09-14");
            assertThat(done.get("stages")).hasSize(4);
            // v1 only adds: the new names (issue 25) beside the old ones
            assertThat(done.get("stages").get(0).get("startsOn").asText()).isEqualTo("2022-06-14");
            assertThat(done.get("stages").get(0).get("startDate").asText()).isEqualTo("2022-06-14");
            assertThat(done.get("stages").get(3).get("endsOn").asText()).isEqualTo("2022-09-14");
            JsonNode held1 = JSON.readTree(events.awaitRecord(r -> isType(r, "BimtekSessionHeld") && r.value().contains(id)
                    && stageOf(r) == 1, Duration.ofSeconds(15)).value());
            assertThat(held1.get("attendance").get("opds").asInt()).isEqualTo(3);
            assertThat(held1.get("guides").get(0).asText()).isEqualTo(GUIDE);
            assertThat(held1.get("startsOn").asText()).isEqualTo(held1.get("startDate").asText()).isEqualTo("2022-06-14");
            assertThat(held1.get("endsOn").asText()).isEqualTo(held1.get("endDate").asText());
            List<String> order = events.seen().stream().filter(r -> r.value() != null && r.value().contains(id))
                    .map(r -> KafkaEvents.header(r, "ce_type")).toList();
            assertThat(order.indexOf("id.kotacerdas.masterplan.BimtekCompleted.v1"))
                    .isGreaterThan(order.lastIndexOf("id.kotacerdas.masterplan.BimtekSessionHeld.v1"));
            given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().statusCode(200)
                    .body("bimtek.stagesHeld", equalTo(4)).body("bimtek.completedOn", equalTo("2022-09-14"));

            // ---- the document, submitted, sent back, submitted again
            Map<String, Object> doc = document(2023, 2032, 3);
            putDocument(OFFICER_KSB, id, TestSupport.etag(id), doc).then().statusCode(200)
                    .body("document.programmes.pillar", hasItems("GOVERNANCE", "SOCIETY", "LIVING"))
                    .body("document.quickWins.size()", equalTo(3));
            String submitKey = UUID.randomUUID().toString();
            given().auth().oauth2(OFFICER_KSB).header("Idempotency-Key", submitKey)
                    .post("/api/v1/masterplans/{id}/submissions", id).then().statusCode(201)
                    .header("Location", endsWith("/api/v1/masterplans/" + id + "/versions/1")).body("number", equalTo(1));
            given().auth().oauth2(OFFICER_KSB).header("Idempotency-Key", submitKey)
                    .post("/api/v1/masterplans/{id}/submissions", id).then().statusCode(201)
                    .header("Idempotent-Replayed", "true").body("number", equalTo(1));
            assertThat(count("masterplan_version WHERE masterplan_id = '" + id + "'")).isEqualTo(1);

            given().auth().oauth2(ASSESSOR).post("/api/v1/masterplans/{id}/review", id).then().statusCode(200)
                    .body("state", equalTo("IN_REVIEW"));
            given().auth().oauth2(ASSESSOR).contentType(ContentType.JSON)
                    .body("{\"comments\":[{\"section\":\"QUICK_WINS\",\"comment\":\"Quick win 2 menambah infrastruktur baru; pilih layanan yang sudah ada.\"}]}")
                    .post("/api/v1/masterplans/{id}/revision-request", id).then().statusCode(200) // the old path
                    .header("Deprecation", equalTo("true"))
                    .header("Link", equalTo("</api/v1/masterplans/" + id + "/revision-requests>; rel=\"successor-version\""))
                    .body("state", equalTo("REVISION_REQUESTED"))
                    .body("reviews[1].decision", equalTo("REVISION_REQUESTED"))
                    .body("reviews[1].comments[0].section", equalTo("QUICK_WINS"));

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> wins = (List<Map<String, Object>>) doc.get("quickWins");
            wins.set(1, quickWin("Antrean daring Puskesmas", "LIVING"));
            putDocument(OFFICER_KSB, id, TestSupport.etag(id), doc).then().statusCode(200);
            given().auth().oauth2(OFFICER_KSB).post("/api/v1/masterplans/{id}/submissions", id).then().statusCode(201)
                    .body("number", equalTo(2));
            given().auth().oauth2(AUDITOR).queryParam("from", 1).queryParam("to", 2)
                    .get("/api/v1/masterplans/{id}/version-diff", id).then().statusCode(200)
                    .body("sections", equalTo(List.of("quickWins")))
                    .body("changes.path", hasItem("quickWins[1].title"))
                    .body("changes.find { it.path == 'quickWins[1].title' }.after", equalTo("Antrean daring Puskesmas"));
            given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}/versions/1", id).then().statusCode(200)
                    .body("document.quickWins[1].title", equalTo("Quick win 2"));

            // ---- approved and ratified by a Perbup
            given().auth().oauth2(OFFICER_KSB).contentType(ContentType.JSON).body(perbup())
                    .post("/api/v1/masterplans/{id}/ratification", id).then().statusCode(409)
                    .body("violations[0].message", equalTo("is SUBMITTED"));
            given().auth().oauth2(ASSESSOR).post("/api/v1/masterplans/{id}/review", id).then().statusCode(200);
            // every action takes an Idempotency-Key: a retry gets the first answer, not a 409 (issue 25)
            String approvalKey = UUID.randomUUID().toString();
            given().auth().oauth2(ASSESSOR).header("Idempotency-Key", approvalKey).contentType(ContentType.JSON)
                    .body("{\"comments\":[]}").post("/api/v1/masterplans/{id}/approval", id).then().statusCode(200)
                    .header("Idempotent-Replayed", nullValue()).body("state", equalTo("APPROVED"));
            String approved = writesOf(id);
            given().auth().oauth2(ASSESSOR).header("Idempotency-Key", approvalKey).contentType(ContentType.JSON)
                    .body("{\"comments\":[]}").post("/api/v1/masterplans/{id}/approval", id).then().statusCode(200)
                    .header("Idempotent-Replayed", "true").body("state", equalTo("APPROVED"));
            assertThat(writesOf(id)).isEqualTo(approved);
            String approvedTag = TestSupport.etag(id);
            String ratificationKey = UUID.randomUUID().toString();
            for (String replayed : new String[] { null, "true" }) {
                given().auth().oauth2(OFFICER_KSB).header("If-Match", approvedTag).header("Idempotency-Key", ratificationKey)
                        .contentType(ContentType.JSON).body(perbup()).post("/api/v1/masterplans/{id}/ratification", id)
                        .then().statusCode(200).header("Idempotent-Replayed", replayed == null ? nullValue() : equalTo(replayed))
                        .body("state", equalTo("RATIFIED")).body("ratification.instrument", equalTo("PERBUP"))
                        .body("ratification.number", equalTo("45")).body("ratification.ratifiedOn", equalTo("2022-12-20"));
            }

            ConsumerRecord<String, String> ratified = events.awaitRecord(
                    r -> isType(r, "MasterplanRatified") && r.value().contains(id), Duration.ofSeconds(15));
            assertThat(ratified.key()).isEqualTo("52.07");
            JsonNode r = JSON.readTree(ratified.value());
            assertThat(r.get("instrument").asText()).isEqualTo("PERBUP");
            assertThat(r.get("versionNumber").asInt()).isEqualTo(2);
            assertThat(r.get("year").asInt()).isEqualTo(2022);
            assertThat(r.get("ratifiedOn").asText()).isEqualTo("2022-12-20");
            assertThat(r.get("date").asText()).isEqualTo("2022-12-20");
            events.awaitRecords(x -> isType(x, "MasterplanSubmitted") && x.value().contains(id), 2, Duration.ofSeconds(15));
            JsonNode revision = JSON.readTree(events.awaitRecord(x -> isType(x, "MasterplanRevisionRequested")
                    && x.value().contains(id), Duration.ofSeconds(15)).value());
            assertThat(revision.get("comments").get(0).get("section").asText()).isEqualTo("QUICK_WINS");
            events.awaitRecord(x -> isType(x, "MasterplanApproved") && x.value().contains(id), Duration.ofSeconds(15));
            assertThat(count("outbox_event WHERE payload->>'masterplanId' = '" + id + "' AND aggregate_id <> '52.07'")).isZero();

            // ---- readable export, audit trail
            String html = given().auth().oauth2(AUDITOR).accept("text/html").get("/api/v1/masterplans/{id}/export", id)
                    .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
            assertThat(html).contains("Kabupaten Sumbawa Barat", "Smart Society", "Smart Governance", "Antrean daring Puskesmas",
                    "2032", "PERBUP No. 45/2022", GUIDE);
            given().auth().oauth2(AUDITOR).queryParam("resourceId", id).get("/api/v1/audit/masterplan-service").then()
                    .statusCode(200).body("items.action", hasItems("MASTERPLAN_OPENED", "MASTERPLAN_DOCUMENT_EDITED",
                            "MASTERPLAN_SUBMITTED", "MASTERPLAN_REVISION_REQUESTED", "MASTERPLAN_APPROVED",
                            "MASTERPLAN_RATIFIED", "BIMTEK_COMPLETED"))
                    .body("items.find { it.action == 'MASTERPLAN_RATIFIED' }.actor.username", equalTo("officer-ksb"));

            // ---- once ratified, no further bimtek and no editing
            putDocument(OFFICER_KSB, id, TestSupport.etag(id), doc).then().statusCode(409)
                    .body("violations[0].message", equalTo("is RATIFIED"));
        }
    }

    @Test
    void aMouForAYearOpenedByHandIsLinkedToItAndOpensNothingMore() throws Exception {
        int year = TestSupport.freshYear();
        String id = TestSupport.open("52.07", year);
        UUID mouId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        send(mouSigned(eventId, "52.07", "Kabupaten Sumbawa Barat", year, year + "-02-28", mouId));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("processed_event WHERE event_id = '" + eventId + "'") == 1);
        given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().statusCode(200)
                .body("mouId", equalTo(mouId.toString())).body("openedFrom", equalTo("MANUAL")).body("origin", equalTo("LIVE"));
        assertThat(count("masterplan WHERE region_code = '52.07' AND programme_year = " + year)).isEqualTo(1);
        assertThat(count("outbox_event WHERE event_type = 'id.kotacerdas.masterplan.MasterplanOpened.v1'"
                + " AND payload->>'masterplanId' = '" + id + "'")).isEqualTo(1);
    }

    @Test
    void aMouSignedThatCannotBeReadGoesToTheDeadLetterTopicAndOpensNothing() throws Exception {
        long before = count("masterplan");
        String eventId = UUID.randomUUID().toString();
        var record = TestSupport.cloudEvent(TestSupport.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                "id.kotacerdas.agreement.MouSigned.v1", "52.07", eventId, java.time.OffsetDateTime.now(),
                Map.of("mouId", UUID.randomUUID().toString(), "regionName", "Kabupaten Sumbawa Barat", "programmeYear", 2099));
        // before it, on the same key (same partition, processed first): another agreement event, which this consumer skips
        String amendedId = UUID.randomUUID().toString();
        var amended = TestSupport.cloudEvent(TestSupport.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                "id.kotacerdas.agreement.MouAmended.v1", "52.07", amendedId, java.time.OffsetDateTime.now(),
                Map.of("mouId", UUID.randomUUID().toString(), "regionCode", "52.07"));
        try (KafkaEvents dlq = KafkaEvents.on(TestSupport.AGREEMENT_TOPIC + ".dlq")) {
            send(amended, record);
            ConsumerRecord<String, String> dead = dlq.awaitRecord(r -> eventId.equals(KafkaEvents.header(r, "ce_id")),
                    Duration.ofSeconds(30));
            assertThat(KafkaEvents.header(dead, "dead-letter-reason")).contains("regionCode");
            assertThat(KafkaEvents.header(dead, "kotacerdas-dlq-poison")).isEqualTo("true");
            assertThat(dlq.seen()).as("the skipped MouAmended is not dead-lettered")
                    .noneMatch(r -> amendedId.equals(KafkaEvents.header(r, "ce_id")));
        }
        assertThat(count("masterplan")).isEqualTo(before);
        assertThat(count("processed_event WHERE event_id = '" + eventId + "'")).isZero();
    }

    static Response schedule(String id, int stage, String idempotencyKey) {
        return given().auth().oauth2(ASSESSOR).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                .body(json(Map.of("stage", stage, "startsOn", STAGES[stage - 1][0], "endsOn", STAGES[stage - 1][1],
                        "mode", stage == 2 ? "ONLINE" : "OFFLINE", "venue", "Aula Kantor Bupati Sumbawa Barat, Taliwang",
                        "guides", List.of(GUIDE))))
                .post("/api/v1/masterplans/{id}/bimtek-stages", id);
    }

    static String perbup() {
        return """
                {"instrument":"PERBUP","number":"45","year":2022,"ratifiedOn":"2022-12-20",\
                "title":"Peraturan Bupati Sumbawa Barat tentang Masterplan Smart City 2023–2032"}""";
    }

    static int stageOf(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value()).path("stage").asInt();
        } catch (Exception e) {
            return -1;
        }
    }

    static boolean isType(ConsumerRecord<String, String> r, String name) {
        return ("id.kotacerdas.masterplan." + name + ".v1").equals(KafkaEvents.header(r, "ce_type")) && r.value() != null;
    }
}
