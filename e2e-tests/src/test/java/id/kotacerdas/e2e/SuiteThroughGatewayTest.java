package id.kotacerdas.e2e;

import static id.kotacerdas.e2e.Keycloak.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The running suite, through the gateway, with real Keycloak tokens for the demo accounts. */
@ExtendWith(RunningSuite.class)
class SuiteThroughGatewayTest {

    static final String METRO = "18.72";
    static final String TABANAN = "51.02";

    @BeforeAll
    static void throughTheGateway() {
        RestAssured.baseURI = RunningSuite.GATEWAY;
    }

    static String profile(String website) {
        return """
                {"regionalHead":{"name":"Kepala Daerah","position":"Bupati/Wali Kota","termStart":"2021-02-26","termEnd":"2026-02-26"},
                 "kominfoContact":{"officeName":"Dinas Komunikasi dan Informatika","email":"kominfo@example.go.id"},
                 "rpjmdPeriods":[{"startYear":2021,"endYear":2026,"regulation":"Peraturan Daerah Nomor 5 Tahun 2021"}],
                 "website":"%s"}""".formatted(website);
    }

    /** The profile's current ETag, creating the profile first (as the ministry) if the region has none. */
    static String etagOf(String code) {
        Response current = given().auth().oauth2(token("ministry")).get("/api/v1/regions/{code}/profile", code);
        if (current.statusCode() == 200) {
            return current.header("ETag");
        }
        return given().auth().oauth2(token("ministry")).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(profile("https://" + code + ".example.go.id")).post("/api/v1/regions/{code}/profile", code)
                .then().statusCode(201).extract().header("ETag");
    }

    static Response update(String user, String code, String website, String requestId) {
        var request = given().contentType(ContentType.JSON).header("If-Match", etagOf(code)).body(profile(website));
        if (user != null) {
            request.auth().oauth2(token(user));
        }
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        return request.put("/api/v1/regions/{code}/profile", code);
    }

    @Test
    void aTokenAskedAt127001WorksLikeOneAskedAtLocalhost() {
        String viaAddress = Keycloak.tokenAt("http://127.0.0.1:8180", "officer-metro");
        // one issuer however Keycloak was reached
        assertThat(Keycloak.issuer(viaAddress)).isEqualTo(Keycloak.issuer(token("officer-metro")))
                .isEqualTo(RunningSuite.KEYCLOAK + "/realms/kotacerdas");
        // accepted by the gateway and by the service behind it, for reads and writes
        given().auth().oauth2(viaAddress).get("/api/v1/regions/{code}", METRO).then().statusCode(200)
                .body("name", equalTo("Kota Metro"));
        given().contentType(ContentType.JSON).header("If-Match", etagOf(METRO)).auth().oauth2(viaAddress)
                .body(profile("https://metro-" + UUID.randomUUID() + ".go.id"))
                .put("/api/v1/regions/{code}/profile", METRO).then().statusCode(200)
                .body("updatedBy", equalTo("officer-metro"));
    }

    @Test
    void anonymousWriteIsRejectedAtTheGateway() {
        update(null, METRO, "https://anonymous.example.com", null).then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void officerMetroMayUpdateKotaMetroButNotKabupatenTabanan() {
        update("officer-metro", METRO, "https://metro-" + UUID.randomUUID() + ".go.id", null).then().statusCode(200)
                .body("updatedBy", equalTo("officer-metro"));
        update("officer-metro", TABANAN, "https://not-mine.example.com", null).then().statusCode(403)
                .contentType(startsWith("application/problem+json"))
                .body("detail", containsString(TABANAN));
        given().auth().oauth2(token("auditor")).get("/api/v1/regions/{code}/profile", TABANAN).then().statusCode(200)
                .body("profile.website", org.hamcrest.Matchers.not(equalTo("https://not-mine.example.com")));
    }

    @Test
    void ministryMayUpdateBothRegions() {
        for (String code : new String[] { METRO, TABANAN }) {
            update("ministry", code, "https://ministry-" + UUID.randomUUID() + ".go.id", null).then().statusCode(200)
                    .body("updatedBy", equalTo("ministry"));
        }
    }

    @Test
    void auditorReadsEverythingButCannotWrite() {
        given().auth().oauth2(token("auditor")).get("/api/v1/regions/{code}", METRO).then().statusCode(200)
                .body("name", equalTo("Kota Metro"));
        given().auth().oauth2(token("auditor")).get("/api/v1/regions/counts").then().statusCode(200)
                .body("byLevel.KABUPATEN", equalTo(416));
        given().auth().oauth2(token("auditor")).get("/api/v1/audit/region-service").then().statusCode(200);
        update("auditor", METRO, "https://auditor.example.com", null).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void changeIsAuditedAndPublishedAsACloudEventCarryingTheRequestId() throws Exception {
        String requestId = "e2e-" + UUID.randomUUID();
        String website = "https://metro-" + UUID.randomUUID() + ".go.id";
        try (TopicEvents events = new TopicEvents("kotacerdas.region.v1")) {
            String traceparent = update("officer-metro", METRO, website, requestId).then().statusCode(200)
                    .header("X-Request-Id", equalTo(requestId))
                    .extract().header("traceparent");

            given().auth().oauth2(token("auditor")).get("/api/v1/regions/{code}/audit-entries", METRO).then()
                    .statusCode(200)
                    .body("items[0].requestId", equalTo(requestId))
                    .body("items[0].actor.username", equalTo("officer-metro"))
                    .body("items[0].after.website", equalTo(website));

            ConsumerRecord<String, String> event = events.await(
                    r -> requestId.equals(TopicEvents.header(r, "ce_requestid")), Duration.ofSeconds(30));
            assertThat(event.key()).isEqualTo(METRO);
            assertThat(TopicEvents.header(event, "ce_type")).isEqualTo("id.kotacerdas.region.RegionProfileUpdated.v1");
            assertThat(TopicEvents.header(event, "X-Request-Id")).isEqualTo(requestId);
            assertThat(traceparent).as("the gateway's trace context").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
            // one trace: the gateway's span, region-service's (ce_traceparent, stored with the event), the relay's
            // Kafka producer span (the record's traceparent header)
            String traceId = traceparent.substring(3, 35);
            assertThat(TopicEvents.header(event, "ce_traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
            assertThat(TopicEvents.header(event, "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .isNotEqualTo(TopicEvents.header(event, "ce_traceparent"));
            assertThat(event.value()).contains(website);
        }
    }

    @Test
    void aCallerOverItsRateLimitGets429WithRetryAfter() {
        // the region route allows a burst of 100 and 600 a minute per caller; this caller is used nowhere else
        String integrator = Keycloak.integratorToken();
        Response limited = null;
        for (int i = 0; i < 400 && limited == null; i++) {
            Response response = given().auth().oauth2(integrator).get("/api/v1/regions/{code}", "13.77");
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).as("request " + i).isEqualTo(200);
            }
        }
        assertThat(limited).as("no 429 within 400 requests").isNotNull();
        limited.then().contentType(startsWith("application/problem+json")).header("Retry-After", notNullValue());
        // other callers are not affected
        given().auth().oauth2(token("auditor")).get("/api/v1/regions/{code}", "13.77").then().statusCode(200);
    }

    @Test
    void mergedApiDocumentHoldsTheRegionOperations() {
        given().accept(ContentType.JSON).get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/regions/{code}'.get.operationId", equalTo("getRegion"))
                .body("paths.'/api/v1/regions/{code}/profile'.put.operationId", equalTo("updateRegionProfile"))
                .body("paths.'/api/v1/regions/{code}/profile'.put.responses.'429'", notNullValue())
                .body("components.securitySchemes", notNullValue());
    }

    @Test
    void regionReadsPassThroughWithCaching() {
        String etag = given().auth().oauth2(token("assessor")).get("/api/v1/regions/{code}", "52.07").then()
                .statusCode(200).header("ETag", notNullValue()).extract().header("ETag");
        given().auth().oauth2(token("assessor")).header("If-None-Match", etag).get("/api/v1/regions/{code}", "52.07")
                .then().statusCode(304);
        given().auth().oauth2(token("assessor")).queryParam("q", "ksb").get("/api/v1/regions").then().statusCode(200)
                .body("items.code", hasItem("52.07"));
    }
}
