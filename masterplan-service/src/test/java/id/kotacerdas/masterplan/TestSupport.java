package id.kotacerdas.masterplan;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.RegistrySeed;
import id.kotacerdas.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** What the service's tests share: tokens, the seeded registry, events as other services send them, documents. */
final class TestSupport {

    static final String DB = "masterplan";
    static final String TOPIC = "kotacerdas.masterplan.v1";
    static final String AGREEMENT_TOPIC = "kotacerdas.agreement.v1";
    static final String REGION_TOPIC = "kotacerdas.region.v1";
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static final String MINISTRY = Tokens.forUser("ministry", "ministry-admin");
    static final String ASSESSOR = Tokens.forUser("assessor", "assessor");
    static final String AUDITOR = Tokens.forUser("auditor", "auditor");
    static final String OFFICER_KSB = Tokens.forRegionOfficer("officer-ksb", "52.07");
    static final String OFFICER_METRO = Tokens.forRegionOfficer("officer-metro", "18.72");
    static final String OFFICER_PARIAMAN = Tokens.forRegionOfficer("officer-pariaman", "13.77");

    static final String[] PILLARS = { "Smart Governance", "Smart Branding", "Smart Economy", "Smart Living",
            "Smart People", "Smart Environment" };

    private static final AtomicBoolean SEEDED = new AtomicBoolean();
    /** Programme years no real data uses, one per masterplan a test opens by hand. */
    private static final AtomicInteger YEARS = new AtomicInteger(2040);

    private TestSupport() {
    }

    /** Seeds the region registry once per JVM and waits until the service holds all of it. */
    static void registryReady() {
        if (SEEDED.compareAndSet(false, true)) {
            RegistrySeed.registry().send();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    static int freshYear() {
        return YEARS.incrementAndGet();
    }

    /** Opens a masterplan by hand as the ministry; its id. */
    static String open(String regionCode, int year) {
        return given().auth().oauth2(MINISTRY).contentType(ContentType.JSON)
                .body(Map.of("regionCode", regionCode, "programmeYear", year, "kind", "GUIDED",
                        "title", "Masterplan Smart City " + regionCode + " " + year))
                .post("/api/v1/masterplans").then().statusCode(201).extract().path("id");
    }

    static String etag(String id) {
        return given().auth().oauth2(AUDITOR).get("/api/v1/masterplans/{id}", id).then().statusCode(200).extract()
                .header("ETag");
    }

    static Response putDocument(String token, String id, String etag, Object document) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(json(document));
        if (etag != null) {
            request.header("If-Match", etag);
        }
        return request.put("/api/v1/masterplans/{id}/document", id);
    }

    static String json(Object value) {
        try {
            return value instanceof String s ? s : JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A complete document over {@code start}–{@code end}: a programme per pillar (named as regions name them, Smart
     * People among them), {@code quickWins} quick wins, a roadmap year for every year.
     */
    static Map<String, Object> document(int start, int end, int quickWins) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("period", Map.of("startYear", start, "endYear", end));
        d.put("strategicAnalysis", Map.of(
                "readiness", Map.of("struktur", "Dewan Smart City dan Tim Pelaksana dibentuk dengan SK",
                        "infrastruktur", "Jaringan fiber optik di kantor OPD", "suprastruktur", "Peraturan SPBE"),
                "swot", Map.of("strengths", List.of("Komitmen kepala daerah"), "weaknesses", List.of("SDM TIK terbatas"),
                        "opportunities", List.of("Pariwisata"), "threats", List.of("Kesenjangan digital")),
                "gapAnalysis", List.of(Map.of("pillar", "GOVERNANCE", "currentState", "Layanan manual",
                        "targetState", "Layanan daring", "gap", "Integrasi data"))));
        d.put("vision", "Kota cerdas yang melayani");
        d.put("missions", List.of("Tata kelola pemerintahan yang terpadu", "Ekonomi daerah yang tumbuh"));
        d.put("objectives", List.of("Layanan publik daring"));
        List<Map<String, Object>> programmes = new ArrayList<>();
        for (int i = 0; i < PILLARS.length; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", "P-" + (i + 1));
            p.put("title", "Programme " + PILLARS[i]);
            p.put("pillar", PILLARS[i]);
            p.put("horizon", i % 3 == 0 ? "SHORT" : i % 3 == 1 ? "MEDIUM" : "LONG");
            p.put("responsibleOpd", "Dinas Komunikasi dan Informatika");
            p.put("budgetSources", List.of("APBD", "KPBU"));
            p.put("indicators", List.of(Map.of("name", "Layanan daring", "baseline", "10", "target", "50", "unit", "layanan")));
            p.put("rpjmdReference", "RPJMD Misi " + (i + 1));
            programmes.add(p);
        }
        d.put("programmes", programmes);
        List<Map<String, Object>> wins = new ArrayList<>();
        for (int i = 0; i < quickWins; i++) {
            wins.add(quickWin("Quick win " + (i + 1), PILLARS[i % PILLARS.length]));
        }
        d.put("quickWins", wins);
        d.put("actionPlan", List.of(Map.of("programmeCode", "P-1", "action", "Menyusun SOP layanan daring",
                "year", start, "responsibleOpd", "Bagian Organisasi")));
        List<Map<String, Object>> roadmap = new ArrayList<>();
        for (int year = start; year <= end; year++) {
            roadmap.add(Map.of("year", year, "milestones", List.of("Tonggak " + year), "programmeCodes", List.of("P-1")));
        }
        d.put("roadmap", roadmap);
        return d;
    }

    static Map<String, Object> quickWin(String title, String pillar) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("title", title);
        q.put("pillar", pillar);
        q.put("existingService", "Layanan administrasi kependudukan");
        q.put("improvement", "Pendaftaran daring");
        q.put("durationMonths", 6);
        q.put("responsibleOpd", "Dinas Dukcapil");
        q.put("impact", Map.of("indicator", "Waktu layanan (menit)", "baseline", "90", "target", "30"));
        return q;
    }

    /** A binary-mode CloudEvent as another service's outbox relay sends it. */
    static ProducerRecord<String, String> cloudEvent(String topic, String source, String type, String key, String id,
            OffsetDateTime time, Object data) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes(source));
        headers.add("ce_subject", bytes(key));
        headers.add("ce_time", bytes(time.toString()));
        headers.add("ce_datacontenttype", bytes("application/json"));
        headers.add("content-type", bytes("application/json"));
        headers.add("ce_requestid", bytes("req-" + id));
        return new ProducerRecord<>(topic, null, key, json(data), headers);
    }

    static void send(ProducerRecord<String, String>... records) {
        RegistrySeed.send(InfrastructureTestResource.kafkaBootstrapServers(), List.of(records));
    }

    /** A MouSigned as agreement-service publishes it (with fields this service does not read). */
    static ProducerRecord<String, String> mouSigned(String eventId, String regionCode, String regionName, int year,
            String signedOn, UUID mouId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("mouId", mouId.toString());
        data.put("regionCode", regionCode);
        data.put("regionName", regionName);
        data.put("level", "KABUPATEN");
        data.put("provinceCode", regionCode.substring(0, 2));
        data.put("programmeYear", year);
        data.put("kind", "NOTA_KESEPAKATAN");
        data.put("signedOn", signedOn);
        data.put("mode", "VIRTUAL");
        data.put("firstParty", Map.of("position", "Direktur Jenderal Aplikasi Informatika", "name", "Semuel Abrijani Pangerapan"));
        data.put("revision", 1);
        return cloudEvent(AGREEMENT_TOPIC, "/kotacerdas/agreement-service", "id.kotacerdas.agreement.MouSigned.v1",
                regionCode, eventId, OffsetDateTime.now(ZoneOffset.UTC), data);
    }

    /** A RegionProfileUpdated as region-service publishes it. */
    static ProducerRecord<String, String> profileUpdated(String eventId, String regionCode, String regionName,
            long version, List<Map<String, Object>> rpjmdPeriods) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("regionalHead", Map.of("name", "Genius Umar", "position", "Wali Kota Pariaman"));
        profile.put("rpjmdPeriods", rpjmdPeriods);
        profile.put("website", "https://pariamankota.go.id");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("regionCode", regionCode);
        data.put("regionName", regionName);
        data.put("level", "KOTA");
        data.put("version", version);
        data.put("profile", profile);
        data.put("changedBy", Map.of("subject", "s", "username", "officer-pariaman"));
        data.put("changedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return cloudEvent(REGION_TOPIC, "/kotacerdas/region-service", "id.kotacerdas.region.RegionProfileUpdated.v1",
                regionCode, eventId, OffsetDateTime.now(ZoneOffset.UTC), data);
    }

    static long count(String tableAndWhere) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(DB), DB, DB);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + tableAndWhere)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * What has been written about one masterplan: its audit entries, its events, its versions, its stages and its own
     * row version; equal before and after a refused request when nothing was written.
     */
    static String writesOf(String id) throws SQLException {
        return count("audit_entry WHERE resource_id LIKE '" + id + "%'") + " audit, "
                + count("outbox_event WHERE payload->>'masterplanId' = '" + id + "'") + " events, "
                + count("masterplan_version WHERE masterplan_id = '" + id + "'") + " versions, "
                + count("bimtek_stage WHERE masterplan_id = '" + id + "'") + " stages, "
                + count("masterplan WHERE id = '" + id + "' AND version = (SELECT version FROM masterplan WHERE id = '"
                        + id + "')") + "@" + scalar("SELECT version FROM masterplan WHERE id = '" + id + "'")
                + ", stage versions " + scalar("SELECT coalesce(sum(version), 0) FROM bimtek_stage WHERE masterplan_id = '" + id + "'");
    }

    static long scalar(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(DB), DB, DB);
                ResultSet rs = c.createStatement().executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
