package id.kotacerdas.region;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

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
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class RegionProfileTest {

    static final String TOPIC = "kotacerdas.region.v1";
    static final String MINISTRY = Tokens.forUser("ministry", "ministry-admin");
    static final String AUDITOR = Tokens.forUser("auditor", "auditor");
    static final String OFFICER_METRO = Tokens.forRegionOfficer("officer-metro", "18.72");
    static final String OFFICER_TABANAN = Tokens.forRegionOfficer("officer-tabanan", "51.02");
    static final ObjectMapper JSON = new ObjectMapper();

    static String profile(String website) {
        return """
                {"regionalHead":{"name":"Drs. H. Wahdi, M.H.","position":"Wali Kota","termStart":"2021-02-26","termEnd":"2026-02-26"},
                 "sekda":{"name":"Ir. Bangkit Haryo Utomo","position":"Sekretaris Daerah"},
                 "kominfoContact":{"officeName":"Dinas Kominfo","email":"kominfo@example.go.id","phone":"+62 725 41025"},
                 "rpjmdPeriods":[{"startYear":2016,"endYear":2021,"regulation":"Perda 1/2016"},{"startYear":2021,"endYear":2026,"regulation":"Perda 5/2021"}],
                 "dewanSmartCity":{"skNumber":"188.45/123/2023","skDate":"2023-03-15","members":[{"name":"Ketua Dewan","role":"Ketua"}]},
                 "website":"%s"}""".formatted(website);
    }

    /** Creates a profile for a region as the ministry, whatever its state; returns the current ETag. */
    static String ensureProfile(String code) {
        Response get = given().auth().oauth2(MINISTRY).get("/api/v1/regions/{code}/profile", code);
        if (get.statusCode() == 200) {
            return get.header("ETag");
        }
        return given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body(profile("https://first.example.go.id"))
                .post("/api/v1/regions/{code}/profile", code).then().statusCode(201).extract().header("ETag");
    }

    @Test
    void officerUpdatesOwnRegionAndChangeIsAuditedAndPublished() throws Exception {
        String etag = ensureProfile("18.72");
        String website = "https://smartcity-" + UUID.randomUUID() + ".metrokota.go.id";
        String requestId = "req-" + UUID.randomUUID();
        try (KafkaEvents events = KafkaEvents.on(TOPIC)) {
            String newTag = given().auth().oauth2(OFFICER_METRO).header("If-Match", etag).header("X-Request-Id", requestId)
                    .contentType(ContentType.JSON).body(profile(website))
                    .put("/api/v1/regions/18.72/profile").then().statusCode(200)
                    .body("regionCode", equalTo("18.72"))
                    .body("profile.website", equalTo(website))
                    .body("updatedBy", equalTo("officer-metro"))
                    .extract().header("ETag");
            assertThat(newTag).isNotEqualTo(etag);

            ConsumerRecord<String, String> event = events.awaitRecord(
                    r -> r.value() != null && r.value().contains(website), Duration.ofSeconds(15));
            assertThat(event.key()).isEqualTo("18.72");
            assertThat(KafkaEvents.header(event, "ce_type")).isEqualTo("id.kotacerdas.region.RegionProfileUpdated.v1");
            assertThat(KafkaEvents.header(event, "ce_source")).isEqualTo("/kotacerdas/region-service");
            assertThat(KafkaEvents.header(event, "ce_subject")).isEqualTo("18.72");
            assertThat(KafkaEvents.header(event, "ce_specversion")).isEqualTo("1.0");
            assertThat(KafkaEvents.header(event, "ce_id")).isNotBlank();
            assertThat(KafkaEvents.header(event, "ce_requestid")).isEqualTo(requestId);
            assertThat(KafkaEvents.header(event, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("regionCode").asText()).isEqualTo("18.72");
            assertThat(data.get("regionName").asText()).isEqualTo("Kota Metro");
            assertThat(data.get("changedBy").get("username").asText()).isEqualTo("officer-metro");
            assertThat(data.get("version").asLong()).isEqualTo(Long.parseLong(newTag.replace("\"", "")));
        }

        given().auth().oauth2(AUDITOR).get("/api/v1/regions/18.72/audit-entries").then().statusCode(200)
                .body("items[0].action", equalTo("REGION_PROFILE_UPDATED"))
                .body("items[0].actor.username", equalTo("officer-metro"))
                .body("items[0].actor.roles", hasItem("region-officer"))
                .body("items[0].after.website", equalTo(website))
                .body("items[0].before.website", notNullValue())
                .body("items[0].requestId", equalTo(requestId));
    }

    @Test
    void officerCannotChangeAnotherRegionAndNothingIsWritten() throws Exception {
        String etag = ensureProfile("51.02");
        long audits = count("audit_entry"), events = count("outbox_event");
        given().auth().oauth2(OFFICER_METRO).header("If-Match", etag).contentType(ContentType.JSON)
                .body(profile("https://evil.example.com")).put("/api/v1/regions/51.02/profile").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("51.02"));
        given().auth().oauth2(OFFICER_TABANAN).contentType(ContentType.JSON)
                .body(profile("https://evil.example.com")).post("/api/v1/regions/18.71/profile").then().statusCode(403);
        assertThat(count("audit_entry")).isEqualTo(audits);
        assertThat(count("outbox_event")).isEqualTo(events);
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/51.02/profile").then().statusCode(200)
                .body("profile.website", org.hamcrest.Matchers.not(equalTo("https://evil.example.com")));
    }

    @Test
    void ministryMayChangeAnyRegion() {
        for (String code : new String[] { "18.72", "51.02" }) {
            String etag = ensureProfile(code);
            given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(profile("https://ministry-" + UUID.randomUUID() + ".go.id"))
                    .put("/api/v1/regions/{code}/profile", code).then().statusCode(200)
                    .body("updatedBy", equalTo("ministry"));
        }
    }

    @Test
    void auditorReadsButCannotWrite() {
        String etag = ensureProfile("18.72");
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/18.72/profile").then().statusCode(200)
                .header("ETag", equalTo(etag));
        given().auth().oauth2(AUDITOR).header("If-Match", etag).contentType(ContentType.JSON)
                .body(profile("https://auditor.example.com")).put("/api/v1/regions/18.72/profile").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).get("/api/v1/audit/region-service?resourceId=18.72").then().statusCode(200);
        given().auth().oauth2(OFFICER_METRO).get("/api/v1/audit/region-service").then().statusCode(403);
    }

    @Test
    void staleOrMissingIfMatchIsRefusedAndNothingIsOverwritten() throws Exception {
        String etag = ensureProfile("13.77");
        String winner = "https://winner-" + UUID.randomUUID() + ".go.id";
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON).body(profile(winner))
                .put("/api/v1/regions/13.77/profile").then().statusCode(200);
        long audits = count("audit_entry"), events = count("outbox_event");

        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                .body(profile("https://loser.go.id")).put("/api/v1/regions/13.77/profile").then().statusCode(412)
                .contentType("application/problem+json").body("violations.field", hasItem("If-Match"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body(profile("https://loser.go.id")).put("/api/v1/regions/13.77/profile").then().statusCode(428)
                .contentType("application/problem+json").body("violations.field", hasItem("If-Match"));
        given().auth().oauth2(MINISTRY).header("If-Match", "\"abc\"").contentType(ContentType.JSON)
                .body(profile("https://loser.go.id")).put("/api/v1/regions/13.77/profile").then().statusCode(400)
                .body("violations.field", hasItem("If-Match"));

        given().auth().oauth2(AUDITOR).get("/api/v1/regions/13.77/profile").then().body("profile.website", equalTo(winner));
        assertThat(count("audit_entry")).isEqualTo(audits);
        assertThat(count("outbox_event")).isEqualTo(events);
    }

    @Test
    void conditionalReadOfProfileGives304() {
        String etag = ensureProfile("18.72");
        given().auth().oauth2(AUDITOR).header("If-None-Match", etag).get("/api/v1/regions/18.72/profile").then()
                .statusCode(304);
    }

    @Test
    void createWithIdempotencyKeyCreatesOnceAndReplays() throws Exception {
        String code = "52.07";
        String key = UUID.randomUUID().toString();
        Response first = given().auth().oauth2(MINISTRY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(profile("https://ksb.go.id")).post("/api/v1/regions/{code}/profile", code);
        first.then().statusCode(201).header("Location", endsWith("/api/v1/regions/52.07/profile"))
                .header("ETag", notNullValue());
        long audits = count("audit_entry"), events = count("outbox_event");

        given().auth().oauth2(MINISTRY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(profile("https://ksb.go.id")).post("/api/v1/regions/{code}/profile", code).then()
                .statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", equalTo(first.header("Location")))
                .body("version", equalTo(first.jsonPath().getInt("version")));
        assertThat(count("audit_entry")).isEqualTo(audits);
        assertThat(count("outbox_event")).isEqualTo(events);

        given().auth().oauth2(MINISTRY).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(profile("https://other.go.id")).post("/api/v1/regions/{code}/profile", code).then()
                .statusCode(422).contentType("application/problem+json")
                .body("violations.field", hasItem("Idempotency-Key"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body(profile("https://ksb.go.id")).post("/api/v1/regions/{code}/profile", code).then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void concurrentRetriesWithTheSameKeyBothGetTheOneStoredAnswer() throws Exception {
        String code = "73.71"; // Kota Makassar: no other test gives it a profile
        String key = UUID.randomUUID().toString();
        Callable<Response> post = () -> given().auth().oauth2(MINISTRY).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(profile("https://makassarkota.go.id"))
                .post("/api/v1/regions/{code}/profile", code);
        List<Response> answers;
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try (Connection blocker = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("region"), "region", "region")) {
            // Hold back every read of the idempotency records, so that both requests are inside their transactions at
            // the same time before either can look its key up: without more, the second would not see the first's
            // uncommitted record, create again and fail on the unique profile (409).
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE idempotency_record IN ACCESS EXCLUSIVE MODE");
            CountDownLatch go = new CountDownLatch(1);
            Callable<Response> afterGo = () -> {
                go.await();
                return post.call();
            };
            Future<Response> a = clients.submit(afterGo);
            Future<Response> b = clients.submit(afterGo);
            go.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingLocks() >= 2);
            // two database sessions, as two instances of the service would use: the key's lock is PostgreSQL's
            // (an advisory lock in the database), nothing in this process, so it holds across instances alike
            assertThat(waitingSessions()).isEqualTo(2);
            blocker.commit(); // the two are released together
            answers = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
        } finally {
            clients.shutdownNow();
        }

        for (Response answer : answers) {
            answer.then().statusCode(201).header("Location", endsWith("/api/v1/regions/73.71/profile"));
        }
        assertThat(answers.get(0).header("Location")).isEqualTo(answers.get(1).header("Location"));
        assertThat(answers.get(0).header("ETag")).isEqualTo(answers.get(1).header("ETag"));
        assertThat(JSON.readTree(answers.get(0).asString())).isEqualTo(JSON.readTree(answers.get(1).asString()));
        assertThat(answers.stream().map(r -> r.header("Idempotent-Replayed")).toList())
                .containsExactlyInAnyOrder("true", null);
        assertThat(count("region_profile WHERE region_code = '73.71'")).isEqualTo(1);
        assertThat(count("audit_entry WHERE resource_id = '73.71'")).isEqualTo(1);
        assertThat(count("outbox_event WHERE aggregate_id = '73.71' AND topic = 'kotacerdas.region.v1'")).isEqualTo(1);
    }

    /** Lock requests of the region database's sessions that are waiting. */
    static long waitingLocks() throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("region"), "region", "region");
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM pg_locks l"
                        + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = 'region'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Sessions of the region database waiting for a lock. */
    static long waitingSessions() throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("region"), "region", "region");
                ResultSet rs = c.createStatement().executeQuery("SELECT count(DISTINCT l.pid) FROM pg_locks l"
                        + " JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = 'region'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void invalidProfilesAreRefusedNamingEachFieldAndWriteNothing() throws Exception {
        String etag = ensureProfile("18.72");
        long audits = count("audit_entry"), events = count("outbox_event");
        String invalid = """
                {"regionalHead":{"name":"","position":"Wali Kota","termStart":"2026-01-01","termEnd":"2021-01-01"},
                 "kominfoContact":{"officeName":"Dinas","email":"not-an-email"},
                 "rpjmdPeriods":[{"startYear":2021,"endYear":2019,"regulation":"Perda"}],
                 "website":"ftp://example"}""";
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON).body(invalid)
                .put("/api/v1/regions/18.72/profile").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItems("regionalHead.name", "kominfoContact.email", "website"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                .body(profile("https://ok.go.id").replace("\"endYear\":2026", "\"endYear\":2020"))
                .put("/api/v1/regions/18.72/profile").then().statusCode(400)
                .body("violations.field", hasItem("rpjmdPeriods[1].endYear"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                .body(profile("https://ok.go.id").replace("\"startYear\":2021", "\"startYear\":2019"))
                .put("/api/v1/regions/18.72/profile").then().statusCode(400)
                .body("violations.field", hasItem("rpjmdPeriods"));
        String longName = "x".repeat(151);
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                .body(profile("https://ok.go.id").replace("Drs. H. Wahdi, M.H.", longName))
                .put("/api/v1/regions/18.72/profile").then().statusCode(400)
                .body("violations.field", hasItem("regionalHead.name"));
        // an SK whose number and date are not known: only with the record of it named
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                .body(profile("https://ok.go.id").replace("\"skNumber\":\"188.45/123/2023\",\"skDate\":\"2023-03-15\",", ""))
                .put("/api/v1/regions/18.72/profile").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("dewanSmartCity.sources"))
                .body("violations.message", hasItem(org.hamcrest.Matchers.containsString("number and date are not known")));
        assertThat(count("audit_entry")).isEqualTo(audits);
        assertThat(count("outbox_event")).isEqualTo(events);
    }

    @Test
    void aDewanSmartCitySkKnownOnlyFromAReportKeepsItsNumberAndDateUnknownWithTheSource() throws Exception {
        String code = "52.04"; // Kabupaten Sumbawa: no other test gives it a profile
        Response current = given().auth().oauth2(MINISTRY).get("/api/v1/regions/{code}/profile", code);
        String body = """
                {"regionalHead":{"name":"Bupati Sumbawa","position":"Bupati Sumbawa"},
                 "dewanSmartCity":{"sources":[{"title":"A regional report naming the SK"}]}}""";
        var request = given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body(body);
        Response saved = current.statusCode() == 200
                ? request.header("If-Match", current.header("ETag")).put("/api/v1/regions/{code}/profile", code)
                : request.post("/api/v1/regions/{code}/profile", code);
        saved.then().statusCode(current.statusCode() == 200 ? 200 : 201)
                .body("profile.dewanSmartCity.skNumber", org.hamcrest.Matchers.nullValue())
                .body("profile.dewanSmartCity.skDate", org.hamcrest.Matchers.nullValue())
                .body("profile.dewanSmartCity.sources[0].title", org.hamcrest.Matchers.equalTo("A regional report naming the SK"));
        // the timeline holds dated facts: no entry for an SK of unknown date
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/{code}/timeline", code).then().statusCode(200)
                .body("items.kind", org.hamcrest.Matchers.not(hasItem("DEWAN_SMART_CITY_FORMED")));
    }

    @Test
    void textWithANulCharacterIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        String etag = ensureProfile("18.72");
        long audits = count("audit_entry"), events = count("outbox_event");
        String withNul = profile("https://ok.go.id").replace("Ir. Bangkit Haryo Utomo", "Ir. Bangkit\\u0000Utomo");
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON).body(withNul)
                .put("/api/v1/regions/18.72/profile").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("sekda.name"));
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body(withNul)
                .post("/api/v1/regions/74.71/profile").then().statusCode(400)
                .body("violations.field", hasItem("sekda.name"));
        assertThat(count("region_profile WHERE region_code = '74.71'")).isZero();
        assertThat(count("audit_entry")).isEqualTo(audits);
        assertThat(count("outbox_event")).isEqualTo(events);
        given().auth().oauth2(AUDITOR).get("/api/v1/regions/18.72/profile").then().statusCode(200)
                .header("ETag", equalTo(etag));
    }

    @Test
    void malformedBodiesAndMediaTypesAreProblems() throws Exception {
        String etag = ensureProfile("18.72");
        long audits = count("audit_entry");
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON).body("{\"website\": ")
                .put("/api/v1/regions/18.72/profile").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("body"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON).body("{\"webSite\": \"x\"}")
                .put("/api/v1/regions/18.72/profile").then().statusCode(400)
                .body("violations.field", hasItem("webSite"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"rpjmdPeriods\": [{\"startYear\": \"twenty\", \"endYear\": 2026, \"regulation\": \"x\"}]}")
                .put("/api/v1/regions/18.72/profile").then().statusCode(400)
                .body("violations.field", hasItem("rpjmdPeriods[0].startYear"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                .body("{\"regionalHead\": {\"name\": \"A\", \"position\": \"B\", \"termStart\": \"26-02-2021\"}}")
                .put("/api/v1/regions/18.72/profile").then().statusCode(400)
                .body("violations.field", hasItem("regionalHead.termStart"));
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON).body("")
                .put("/api/v1/regions/18.72/profile").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.XML).body("<profile/>")
                .put("/api/v1/regions/18.72/profile").then().statusCode(415)
                .contentType("application/problem+json");
        given().auth().oauth2(MINISTRY).header("Idempotency-Key", "x".repeat(300)).contentType(ContentType.JSON)
                .body(profile("https://ok.go.id")).post("/api/v1/regions/18.72/profile").then().statusCode(400)
                .body("violations.field", hasItem("Idempotency-Key"));
        assertThat(count("audit_entry")).isEqualTo(audits);
    }

    @Test
    void administrativeUnitsHaveNoRpjmd() {
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body(profile("https://jakpus.go.id"))
                .post("/api/v1/regions/31.71/profile").then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("rpjmdPeriods"));
    }

    @Test
    void replacedCodeCannotBeWrittenAndPointsToTheNewOne() {
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body(profile("https://merauke.go.id"))
                .post("/api/v1/regions/91.01/profile").then().statusCode(404)
                .body("detail", containsString("93.01"));
    }

    @Test
    void unchangedUpdateChangesNothing() throws Exception {
        String etag = ensureProfile("18.71");
        String body = given().auth().oauth2(MINISTRY).get("/api/v1/regions/18.71/profile").then().extract()
                .jsonPath().prettify();
        JsonNode current = JSON.readTree(body).get("profile");
        long audits = count("audit_entry");
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON).body(current.toString())
                .put("/api/v1/regions/18.71/profile").then().statusCode(200).header("ETag", equalTo(etag));
        assertThat(count("audit_entry")).isEqualTo(audits);
    }

    static long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("region"), "region", "region");
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
