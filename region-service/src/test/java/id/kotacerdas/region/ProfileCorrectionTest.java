package id.kotacerdas.region;

import static id.kotacerdas.region.RegionProfileTest.AUDITOR;
import static id.kotacerdas.region.RegionProfileTest.MINISTRY;
import static id.kotacerdas.region.RegionProfileTest.OFFICER_METRO;
import static id.kotacerdas.region.RegionProfileTest.ensureProfile;
import static id.kotacerdas.region.RegionProfileTest.profile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Issue 18 item 3 for the region profile: corrections in the open, and the earlier values. */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class ProfileCorrectionTest {

    static final String CODE = "33.76";
    static final String PATH = "/api/v1/regions/{code}/profile/corrections";
    static final ObjectMapper JSON = new ObjectMapper();

    static String body(String reason, String sources, String changes) {
        StringBuilder b = new StringBuilder("{");
        if (reason != null) {
            b.append("\"reason\":\"").append(reason).append("\"");
        }
        if (sources != null) {
            b.append(b.length() > 1 ? "," : "").append("\"sources\":").append(sources);
        }
        if (changes != null) {
            b.append(b.length() > 1 ? "," : "").append("\"changes\":").append(changes);
        }
        return b.append("}").toString();
    }

    static final String SOURCES = "[{\"title\":\"JDIH Kota Tegal\",\"url\":\"https://jdih.tegalkota.go.id/sk-dewan\"}]";

    @Test
    void aCorrectionIsAnsweredKeptAsARevisionAuditedAndPublished() throws Exception {
        String etag = ensureProfile(CODE);
        String before = given().auth().oauth2(MINISTRY).get("/api/v1/regions/{code}/profile", CODE).then().statusCode(200)
                .extract().path("profile.website");
        String website = "https://smartcity-" + UUID.randomUUID() + ".tegalkota.go.id";
        String reason = "The website was copied from an old report " + UUID.randomUUID();
        try (KafkaEvents events = KafkaEvents.on(RegionProfileTest.TOPIC)) {
            String newTag = given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                    .body(body(reason, SOURCES, "{\"website\":\"" + website + "\"}"))
                    .post(PATH, CODE).then().statusCode(200)
                    .body("profile.website", equalTo(website))
                    .body("profile.regionalHead.name", equalTo("Drs. H. Wahdi, M.H.")) // parts not given stay
                    .body("updatedBy", equalTo("ministry"))
                    .extract().header("ETag");
            long oldVersion = Long.parseLong(etag.replace("\"", ""));
            long newVersion = Long.parseLong(newTag.replace("\"", ""));
            assertThat(newVersion).isEqualTo(oldVersion + 1);

            ConsumerRecord<String, String> event = events.awaitRecord(
                    r -> r.value() != null && r.value().contains(reason), Duration.ofSeconds(15));
            assertThat(event.key()).isEqualTo(CODE);
            assertThat(KafkaEvents.header(event, "ce_type")).isEqualTo("id.kotacerdas.region.RegionProfileUpdated.v1");
            JsonNode data = JSON.readTree(event.value());
            assertThat(data.get("version").asLong()).isEqualTo(newVersion);
            assertThat(data.get("profile").get("website").asText()).isEqualTo(website);
            JsonNode correction = data.get("correction");
            assertThat(correction.get("revision").asLong()).isEqualTo(newVersion);
            assertThat(correction.get("reason").asText()).isEqualTo(reason);
            assertThat(correction.get("sources").get(0).get("url").asText()).isEqualTo("https://jdih.tegalkota.go.id/sk-dewan");
            assertThat(correction.get("at").asText()).isNotBlank();
            assertThat(correction.get("changed").toString()).isEqualTo("[\"website\"]");
            assertThat(correction.get("previous").get("website").asText()).isEqualTo(before);
        }

        int total = given().auth().oauth2(AUDITOR).get("/api/v1/regions/{code}/profile/revisions", CODE)
                .then().statusCode(200).body("regionCode", equalTo(CODE)).body("page", equalTo(0))
                .extract().path("total");
        // the last page of one holds the latest earlier value
        JsonPath revisions = given().auth().oauth2(AUDITOR).queryParam("size", 1).queryParam("page", total - 1)
                .get("/api/v1/regions/{code}/profile/revisions", CODE)
                .then().statusCode(200).body("size", equalTo(1)).body("total", equalTo(total))
                .body("totalPages", equalTo(total)).extract().jsonPath();
        List<Map<String, Object>> items = revisions.getList("items");
        assertThat(items).hasSize(1);
        Map<String, Object> last = items.get(items.size() - 1);
        assertThat(((Number) last.get("version")).longValue()).isEqualTo(Long.parseLong(etag.replace("\"", "")));
        assertThat(last.get("reason")).isEqualTo(reason);
        assertThat(last.get("by")).isEqualTo("ministry");
        assertThat(last.get("at")).isNotNull();
        assertThat(revisions.getString("items[" + (items.size() - 1) + "].sources[0].url")).isEqualTo("https://jdih.tegalkota.go.id/sk-dewan");
        assertThat(revisions.getString("items[" + (items.size() - 1) + "].value.website")).isEqualTo(before);

        given().auth().oauth2(AUDITOR).get("/api/v1/regions/{code}/audit-entries", CODE).then().statusCode(200)
                .body("items[0].action", equalTo("REGION_PROFILE_CORRECTED"))
                .body("items[0].actor.username", equalTo("ministry"))
                .body("items[0].before.website", equalTo(before))
                .body("items[0].after.profile.website", equalTo(website))
                .body("items[0].after.correction.reason", equalTo(reason))
                .body("items[0].after.correction.sources[0].url", equalTo("https://jdih.tegalkota.go.id/sk-dewan"));
    }

    @Test
    void aPutKeepsTheEarlierValueToo() {
        String etag = ensureProfile(CODE);
        String before = given().auth().oauth2(MINISTRY).get("/api/v1/regions/{code}/profile", CODE).then()
                .extract().path("profile.website");
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                .body(profile("https://put-" + UUID.randomUUID() + ".tegalkota.go.id"))
                .put("/api/v1/regions/{code}/profile", CODE).then().statusCode(200);
        JsonPath revisions = given().auth().oauth2(OFFICER_METRO).queryParam("size", 100)
                .get("/api/v1/regions/{code}/profile/revisions", CODE)
                .then().statusCode(200).extract().jsonPath();
        int last = revisions.getList("items").size() - 1;
        assertThat(revisions.getInt("total")).isEqualTo(last + 1);
        assertThat(revisions.getLong("items[" + last + "].version")).isEqualTo(Long.parseLong(etag.replace("\"", "")));
        assertThat(revisions.getString("items[" + last + "].value.website")).isEqualTo(before);
        assertThat(revisions.getString("items[" + last + "].reason")).isNull();
        assertThat(revisions.getString("items[" + last + "].sources")).isNull();
    }

    @Test
    void missingOrStaleIfMatchIsRefusedAndNothingIsWritten() throws Exception {
        String etag = ensureProfile(CODE);
        long audits = count("audit_entry"), events = count("outbox_event"), kept = count("region_profile_revision");
        String b = body("A reason", SOURCES, "{\"website\":\"https://x-" + UUID.randomUUID() + ".go.id\"}");
        given().auth().oauth2(MINISTRY).contentType(ContentType.JSON).body(b).post(PATH, CODE).then().statusCode(428)
                .body("violations.field", hasItem("If-Match"));
        long stale = Long.parseLong(etag.replace("\"", "")) - 1;
        given().auth().oauth2(MINISTRY).header("If-Match", "\"" + stale + "\"").contentType(ContentType.JSON).body(b)
                .post(PATH, CODE).then().statusCode(412).body("violations.field", hasItem("If-Match"));
        assertThat(count("audit_entry")).isEqualTo(audits);
        assertThat(count("outbox_event")).isEqualTo(events);
        assertThat(count("region_profile_revision")).isEqualTo(kept);
        given().auth().oauth2(MINISTRY).get("/api/v1/regions/{code}/profile", CODE).then().header("ETag", equalTo(etag));
    }

    @Test
    void emptyNoOpOrInvalidCorrectionsAreRefusedNamingTheField() throws Exception {
        String etag = ensureProfile(CODE);
        String current = given().auth().oauth2(MINISTRY).get("/api/v1/regions/{code}/profile", CODE).then()
                .extract().path("profile.website");
        long audits = count("audit_entry"), events = count("outbox_event"), kept = count("region_profile_revision");
        String change = "{\"website\":\"https://y-" + UUID.randomUUID() + ".go.id\"}";
        refused(etag, body("A reason", SOURCES, "{}"), "changes");
        refused(etag, body("A reason", SOURCES, null), "changes");
        refused(etag, body("A reason", SOURCES, "{\"website\":\"" + current + "\"}"), "changes");
        refused(etag, body(null, SOURCES, change), "reason");
        refused(etag, body(" ", SOURCES, change), "reason");
        refused(etag, body("A reason", null, change), "sources");
        refused(etag, body("A reason", "[]", change), "sources");
        refused(etag, body("A reason", "[{\"title\":\"x\",\"url\":\"ftp://nowhere\"}]", change), "sources[0].url");
        refused(etag, body("A reason", SOURCES, "{\"motto\":\"Kota Bahari\"}"), "changes.motto");
        // the changed parts follow the PUT's rules
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                .body(body("A reason", SOURCES, "{\"website\":\"not a url\"}")).post(PATH, CODE).then().statusCode(400);
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                .body(body("A reason", SOURCES, "{\"rpjmdPeriods\":[{\"startYear\":2021,\"endYear\":2019,\"regulation\":\"P\"}]}"))
                .post(PATH, CODE).then().statusCode(400).body("violations.field", hasItem("rpjmdPeriods[0].endYear"));
        assertThat(count("audit_entry")).isEqualTo(audits);
        assertThat(count("outbox_event")).isEqualTo(events);
        assertThat(count("region_profile_revision")).isEqualTo(kept);
    }

    @Test
    void onlyTheMinistryCorrects() throws Exception {
        String etag = ensureProfile("18.72");
        long audits = count("audit_entry");
        String b = body("A reason", SOURCES, "{\"website\":\"https://z-" + UUID.randomUUID() + ".go.id\"}");
        given().auth().oauth2(OFFICER_METRO).header("If-Match", etag).contentType(ContentType.JSON).body(b)
                .post("/api/v1/regions/18.72/profile/corrections").then().statusCode(403);
        given().auth().oauth2(AUDITOR).header("If-Match", etag).contentType(ContentType.JSON).body(b)
                .post("/api/v1/regions/18.72/profile/corrections").then().statusCode(403);
        assertThat(count("audit_entry")).isEqualTo(audits);
        given().get("/api/v1/regions/18.72/profile/revisions").then().statusCode(401);
    }

    private static void refused(String etag, String body, String field) {
        given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON).body(body)
                .post(PATH, CODE).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem(field));
    }

    static long count(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl("region"), "region", "region");
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
