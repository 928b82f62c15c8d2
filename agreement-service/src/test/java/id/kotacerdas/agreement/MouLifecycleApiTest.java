package id.kotacerdas.agreement;

import static id.kotacerdas.agreement.Api.MINISTRY;
import static id.kotacerdas.agreement.Api.etag;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.agreement.domain.Mou;
import id.kotacerdas.agreement.service.MouExpiryService;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After signing: amendments keep every revision, termination and expiry end an MoU, withdrawal frees the year. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "agreement"))
@WithTestResource(OidcWiremockTestResource.class)
class MouLifecycleApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

    @Inject
    MouExpiryService expiry;

    @Inject
    Vertx vertx;

    @BeforeEach
    void registry() {
        Api.registry();
    }

    static JsonPath sign(JsonPath mou, String signing) {
        return given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON).body(signing)
                .post("/api/v1/mous/{id}/signing", mou.getString("id")).then().statusCode(200)
                .body("state", equalTo("SIGNED")).extract().jsonPath();
    }

    @Test
    void anAmendmentIsANewRevisionAndTheSignedTextIsKept() throws Exception {
        JsonPath mou = sign(Api.scheduledAndComplete("33.01", Api.freshYear()), "{\"signedOn\":\"2024-01-10\"}");
        String id = mou.getString("id");
        assertThat(mou.getString("validity.until")).isEqualTo("2027-01-09");
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                    .body("{\"amendedOn\":\"2025-03-01\",\"reason\":\"Masa berlaku diperpanjang\",\"validityYears\":5,"
                            + "\"scope\":{\"otherItems\":[\"Pendampingan implementasi quick win\"]}}")
                    .post("/api/v1/mous/{id}/amendments", id).then().statusCode(201)
                    .header("Location", endsWith("/api/v1/mous/" + id + "/revisions"))
                    .body("revision", equalTo(2))
                    .body("state", equalTo("SIGNED"))
                    .body("validity.until", equalTo("2029-01-09"))
                    .body("scope.standardItems", hasSize(4))
                    .body("scope.otherItems", hasItem("Pendampingan implementasi quick win"));
            ConsumerRecord<String, String> amended = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouAmended.v1".equals(KafkaEvents.header(r, "ce_type")), Duration.ofSeconds(30));
            JsonNode data = JSON.readTree(amended.value());
            assertThat(amended.key()).isEqualTo("33.01");
            assertThat(data.get("revision").asInt()).isEqualTo(2);
            assertThat(data.at("/validity/until").asText()).isEqualTo("2029-01-09");
        }
        given().auth().oauth2(Api.AUDITOR).get("/api/v1/mous/{id}/revisions", id).then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].kind", equalTo("SIGNED")).body("items[0].validity.until", equalTo("2027-01-09"))
                .body("items[0].scope.otherItems", hasSize(0))
                .body("items[1].kind", equalTo("AMENDMENT")).body("items[1].validity.until", equalTo("2029-01-09"))
                .body("items[1].reason", equalTo("Masa berlaku diperpanjang"))
                .body("mouId", equalTo(id)).body("page", equalTo(0)).body("size", equalTo(20))
                .body("total", equalTo(2)).body("totalPages", equalTo(1));
        // a page at a time, as every list
        given().auth().oauth2(Api.AUDITOR).queryParam("page", 1).queryParam("size", 1).get("/api/v1/mous/{id}/revisions", id)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].kind", equalTo("AMENDMENT"))
                .body("total", equalTo(2)).body("totalPages", equalTo(2));
        given().auth().oauth2(Api.AUDITOR).queryParam("size", 0).get("/api/v1/mous/{id}/revisions", id)
                .then().statusCode(400);
        // an amendment cannot move the end before the signing, nor happen before it
        JsonPath now = Api.get(MINISTRY, id).then().extract().jsonPath();
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).header("If-Match", etag(now)).contentType(ContentType.JSON)
                .body("{\"amendedOn\":\"2025-03-01\",\"reason\":\"x\",\"validUntil\":\"2023-12-31\"}")
                .post("/api/v1/mous/{id}/amendments", id).then().statusCode(400).body("violations.field", hasItem("validUntil"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(now)).contentType(ContentType.JSON)
                .body("{\"amendedOn\":\"2023-03-01\",\"reason\":\"x\",\"validityYears\":4}")
                .post("/api/v1/mous/{id}/amendments", id).then().statusCode(400).body("violations.field", hasItem("amendedOn"));
        assertThat(Api.writes()).isEqualTo(before);
    }

    @Test
    void aSignedMouCanBeTerminatedWithAReasonButNeitherWithdrawnNorEditedAgain() throws Exception {
        JsonPath mou = sign(Api.scheduledAndComplete("33.02", Api.freshYear()), "{\"signedOn\":\"2024-02-01\",\"validityYears\":3}");
        String id = mou.getString("id");
        List<Long> before = Api.writes();
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"reason\":\"mistake\"}").post("/api/v1/mous/{id}/withdrawal", id).then().statusCode(409)
                .body("violations[0].message", equalTo("is SIGNED"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"title\":\"changed\"}").put("/api/v1/mous/{id}/terms", id).then().statusCode(409)
                .body("violations[0].field", equalTo("state"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"terminatedOn\":\"2024-01-01\",\"reason\":\"before it was signed\"}")
                .post("/api/v1/mous/{id}/termination", id).then().statusCode(400).body("violations.field", hasItem("terminatedOn"));
        assertThat(Api.writes()).isEqualTo(before);
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                    .body("{\"terminatedOn\":\"2025-06-30\",\"reason\":\"Disepakati para pihak untuk diakhiri\"}")
                    .post("/api/v1/mous/{id}/termination", id).then().statusCode(200)
                    .body("state", equalTo("TERMINATED")).body("stateChangedOn", equalTo("2025-06-30"))
                    .body("stateReason", equalTo("Disepakati para pihak untuk diakhiri"));
            ConsumerRecord<String, String> terminated = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouTerminated.v1".equals(KafkaEvents.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(JSON.readTree(terminated.value()).get("reason").asText()).isEqualTo("Disepakati para pihak untuk diakhiri");
        }
        given().auth().oauth2(Api.AUDITOR).queryParam("resourceId", id).get("/api/v1/audit/agreement-service").then()
                .statusCode(200).body("items[0].action", equalTo("MOU_TERMINATED"))
                .body("items[0].before.state", equalTo("SIGNED")).body("items[0].after.state", equalTo("TERMINATED"))
                .body("items.action", hasItem("MOU_SIGNED")).body("items.action", hasItem("MOU_DRAFTED"));
    }

    @Test
    void aWithdrawnDraftFreesItsYearForANewDraft() throws Exception {
        int year = Api.freshYear();
        JsonPath mou = Api.draft("33.03", year, null);
        given().auth().oauth2(MINISTRY).header("If-Match", etag(mou)).contentType(ContentType.JSON)
                .body("{\"reason\":\"Drafted for the wrong year\"}").post("/api/v1/mous/{id}/withdrawal", mou.getString("id"))
                .then().statusCode(200).body("state", equalTo("WITHDRAWN")).body("stateReason", equalTo("Drafted for the wrong year"));
        Api.draft("33.03", year, null);
        given().auth().oauth2(MINISTRY).queryParam("regionCode", "33.03").queryParam("programmeYear", year)
                .get("/api/v1/mous/counts").then().body("byState.WITHDRAWN", equalTo(1)).body("byState.DRAFT", equalTo(1))
                .body("total", equalTo(2));
    }

    @Test
    void signedMousExpireByThemselvesOnceTheirLastDayHasPassed() throws Exception {
        // in force until today: the check of tomorrow expires it, not the one of today
        JsonPath due = sign(Api.scheduledAndComplete("33.04", Api.freshYear()),
                "{\"signedOn\":\"" + TODAY.minusYears(1) + "\",\"validUntil\":\"" + TODAY + "\"}");
        JsonPath inForce = sign(Api.scheduledAndComplete("33.05", Api.freshYear()),
                "{\"signedOn\":\"" + TODAY.minusDays(1) + "\",\"validityYears\":1}");
        List<Mou> today = OnVertx.await(vertx, () -> expiry.expireDue(TODAY));
        assertThat(today).extracting(m -> m.id.toString()).doesNotContain(due.getString("id"), inForce.getString("id"));
        LocalDate tomorrow = TODAY.plusDays(1);
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            List<Mou> expired = OnVertx.await(vertx, () -> expiry.expireDue(tomorrow));
            assertThat(expired).extracting(m -> m.id.toString()).contains(due.getString("id"))
                    .doesNotContain(inForce.getString("id"));
            ConsumerRecord<String, String> event = events.awaitRecord(r -> r.value() != null
                    && r.value().contains(due.getString("id"))
                    && "id.kotacerdas.agreement.MouExpired.v1".equals(KafkaEvents.header(r, "ce_type")), Duration.ofSeconds(30));
            JsonNode data = JSON.readTree(event.value());
            assertThat(event.key()).isEqualTo("33.04");
            assertThat(data.get("expiredOn").asText()).isEqualTo(tomorrow.toString());
            assertThat(data.at("/validity/until").asText()).isEqualTo(TODAY.toString());
        }
        Api.get(MINISTRY, due.getString("id")).then().body("state", equalTo("EXPIRED"))
                .body("stateChangedOn", equalTo(tomorrow.toString()));
        Api.get(MINISTRY, inForce.getString("id")).then().body("state", equalTo("SIGNED"));
        // a second run finds nothing more to do for it
        List<Mou> again = OnVertx.await(vertx, () -> expiry.expireDue(tomorrow));
        assertThat(again).extracting(m -> m.id.toString()).doesNotContain(due.getString("id"));
        given().auth().oauth2(Api.AUDITOR).queryParam("resourceId", due.getString("id")).queryParam("actor", "system")
                .get("/api/v1/audit/agreement-service").then().body("items[0].action", equalTo("MOU_EXPIRED"));
    }

    @Test
    void aSigningRecordedAfterItsValidityEndedExpiresTheMouAtOnce() throws Exception {
        JsonPath scheduled = Api.scheduledAndComplete("33.06", Api.freshYear());
        String id = scheduled.getString("id");
        try (KafkaEvents events = KafkaEvents.on(Api.TOPIC)) {
            given().auth().oauth2(MINISTRY).header("If-Match", etag(scheduled)).contentType(ContentType.JSON)
                    .body("{\"signedOn\":\"2021-03-01\",\"validityYears\":1}")
                    .post("/api/v1/mous/{id}/signing", id).then().statusCode(200)
                    .body("state", equalTo("EXPIRED"))
                    .body("signedOn", equalTo("2021-03-01"))
                    .body("validity.until", equalTo("2022-02-28"))
                    .body("stateChangedOn", equalTo("2022-03-01"));
            // both facts leave, in their order: it was signed, and it ended on the day after its last day
            ConsumerRecord<String, String> signed = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouSigned.v1".equals(KafkaEvents.header(r, "ce_type")), Duration.ofSeconds(30));
            ConsumerRecord<String, String> expired = events.awaitRecord(r -> r.value() != null && r.value().contains(id)
                    && "id.kotacerdas.agreement.MouExpired.v1".equals(KafkaEvents.header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(signed.offset()).isLessThan(expired.offset());
            assertThat(JSON.readTree(expired.value()).get("expiredOn").asText()).isEqualTo("2022-03-01");
        }
        given().auth().oauth2(Api.AUDITOR).queryParam("resourceId", id).get("/api/v1/audit/agreement-service").then()
                .statusCode(200).body("items[0].action", equalTo("MOU_EXPIRED")).body("items[0].actor.username", equalTo("system"))
                .body("items.action", hasItem("MOU_SIGNED"));
        // the expiry check has nothing left to do for it
        List<Mou> due = OnVertx.await(vertx, () -> expiry.expireDue(TODAY));
        assertThat(due).extracting(m -> m.id.toString()).doesNotContain(id);
    }
}
