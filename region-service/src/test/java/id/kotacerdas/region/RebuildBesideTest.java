package id.kotacerdas.region;

import static id.kotacerdas.region.ProgrammeEvents.*;
import static id.kotacerdas.region.ProgrammeTimelineTest.MINISTRY;
import static id.kotacerdas.region.ProgrammeTimelineTest.publish;
import static id.kotacerdas.region.ProgrammeTimelineTest.story;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.region.service.ProgrammeRebuilds;
import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Issue 27, finding 6: a rebuild of a programme consumer builds beside the live projection and swaps when its replay
 * has caught up. Readers see the complete old timeline, stage and dossier while the replay runs, and the rebuilt ones
 * (the same) after the swap, never a half-built one.
 * <p>
 * The replay is held at a point the test controls, without sleeping: the test's own open transaction has inserted the
 * row of one timeline entry into the rebuild table, so the replay's insert of that entry waits until the test rolls
 * its transaction back.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class RebuildBesideTest {

    static final String AUDITOR = Tokens.forUser("auditor", "auditor");
    static final String CHANNEL = "agreement-events";
    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    ProgrammeRebuilds rebuilds;

    /** What a reader sees of the region: its whole timeline (with its stage) and its dossier. */
    static List<Object> seen(String code) {
        Map<String, Object> timeline = given().auth().oauth2(AUDITOR).queryParam("size", 100)
                .get("/api/v1/regions/{code}/timeline", code).then().statusCode(200).extract().jsonPath().getMap("$");
        Map<String, Object> dossier = given().auth().oauth2(AUDITOR).get("/api/v1/regions/{code}/dossier", code).then()
                .statusCode(200).extract().jsonPath().getMap("$");
        return List.of(timeline, dossier);
    }

    static String state(String topic) {
        List<Map<String, Object>> rows = query("SELECT state FROM programme_build WHERE topic = ?", topic);
        return rows.isEmpty() ? null : (String) rows.get(0).get("state");
    }

    static Event ofType(List<Event> events, String type) {
        return events.stream().filter(e -> type.equals(new String(e.record().headers().lastHeader("ce_type").value(),
                StandardCharsets.UTF_8))).findFirst().orElseThrow();
    }

    /** The replay's transaction waits for a lock: it reached the held entry. */
    static boolean replayWaits() {
        return !query("SELECT 1 FROM pg_stat_activity WHERE datname = ? AND wait_event_type = 'Lock'"
                + " AND query ILIKE '%timeline_entry%'", DB).isEmpty();
    }

    /** Holds the replay at {@code entryKey}: an open transaction inserts the live row into the rebuild table. */
    static Connection hold(String entryKey) throws SQLException {
        Connection c = DriverManager.getConnection(InfrastructureTestResource.jdbcUrl(DB), DB, DB);
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO programme_rebuild.timeline_entry SELECT * FROM timeline_entry WHERE entry_key = ?")) {
            s.setString(1, entryKey);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
        return c;
    }

    @Test
    void readersSeeTheWholeOldTimelineWhileTheReplayRunsAndTheRebuiltOneAfterTheSwap() throws Exception {
        String code = "32.01";
        List<Event> story = story(code, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        publish(story);
        List<Object> before = seen(code);
        long baseline = 0;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            assertThat(seen(code)).isEqualTo(before);
            baseline = Math.max(baseline, System.nanoTime() - start);
        }
        List<List<Map<String, Object>>> live = ProgrammeTimelineTest.snapshot();
        Event drafted = ofType(story, "id.kotacerdas.agreement.MouDrafted.v1");
        Event scheduled = ofType(story, "id.kotacerdas.agreement.MouScheduled.v1");

        Connection held = hold(code + "|event:" + scheduled.id());
        CompletableFuture<List<String>> reader = null;
        AtomicBoolean swapped = new AtomicBoolean();
        AtomicLong slowest = new AtomicLong();
        AtomicInteger reads = new AtomicInteger();
        try {
            given().auth().oauth2(MINISTRY).post("/admin/consumers/{channel}/rebuild", CHANNEL).then().statusCode(202);
            assertThat(seen(code)).as("readers see the whole old timeline and dossier as the replay begins").isEqualTo(before);
            assertThat(state(AGREEMENT)).isEqualTo("BUILDING");
            // the replay has rebuilt the MoU's first entry beside the live timeline and waits at its second one
            await().atMost(WAIT).until(() -> processed(CHANNEL, drafted.id()) && replayWaits());
            assertThat(query("SELECT 1 FROM programme_rebuild.timeline_entry WHERE entry_key = ?",
                    code + "|event:" + drafted.id())).hasSize(1);
            assertThat(seen(code)).as("readers see the whole old timeline and dossier during the replay").isEqualTo(before);
            assertThat(state(AGREEMENT)).isEqualTo("BUILDING");

            // a reader reads on while the replay finishes and swaps: every read is the old or the rebuilt timeline
            reader = CompletableFuture.supplyAsync(() -> {
                List<String> different = new ArrayList<>();
                long end = System.nanoTime() + WAIT.toNanos();
                for (int i = 0; i < 2_000 && !swapped.get() && System.nanoTime() < end; i++) {
                    long start = System.nanoTime();
                    List<Object> now = seen(code);
                    slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
                    reads.incrementAndGet();
                    if (!now.equals(before)) {
                        different.add(now.toString());
                    }
                }
                return different;
            });
        } finally {
            held.rollback();
            held.close();
        }
        await().atMost(WAIT).until(() -> "LIVE".equals(state(AGREEMENT)));
        swapped.set(true);
        assertThat(reader).isNotNull();
        assertThat(reader.get()).as("reads while the replay finished and swapped").isEmpty();
        assertThat(seen(code)).as("the rebuilt timeline and dossier").isEqualTo(before);
        assertThat(ProgrammeTimelineTest.snapshot()).isEqualTo(live);
        assertThat(query("SELECT 1 FROM programme_rebuild.timeline_entry WHERE source_topic = ?", AGREEMENT)).isEmpty();
        Map<String, Object> build = query("SELECT swap_ms FROM programme_build WHERE topic = ?", AGREEMENT).get(0);
        // the figure of the README: the swapping transaction's length, and the slowest read (timeline + dossier) meanwhile
        System.out.printf("RebuildBesideTest: the swap of %s took %s ms; %d reads while the replay finished and swapped,"
                + " the slowest %d ms (before the rebuild: %d ms)%n", AGREEMENT, build.get("swap_ms"), reads.get(),
                slowest.get() / 1_000_000, baseline / 1_000_000);
    }

    @Test
    void aRebuildInterruptedByAStopIsStartedAgainAndReadersKeepTheLiveTimelineUntilItSwaps() throws Throwable {
        String code = "32.02";
        List<Event> story = story(code, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        publish(story);
        List<Object> before = seen(code);
        Event signed = ofType(story, "id.kotacerdas.agreement.MouSigned.v1");
        // what a stop half-way through a replay leaves: the topic BUILDING, part of it in the rebuild tables
        query("INSERT INTO programme_build (topic, channel, state, started_at) VALUES (?, ?, 'BUILDING', now())"
                + " ON CONFLICT (topic) DO UPDATE SET state = 'BUILDING', swapped_at = NULL RETURNING topic", MASTERPLAN,
                "masterplan-events");
        query("INSERT INTO programme_rebuild.timeline_entry SELECT * FROM timeline_entry WHERE source_topic = ?"
                + " AND region_code = ? AND kind = 'MASTERPLAN_OPENED' RETURNING entry_key", MASTERPLAN, code);
        assertThat(seen(code)).as("the live timeline is untouched").isEqualTo(before);
        assertThat(rebuilds.interrupted()).contains("masterplan-events");

        Connection held = hold(code + "|event:" + signed.id());
        try {
            // the start-up's rebuild; an agreement rebuild is held meanwhile, which the masterplan one does not wait for
            given().auth().oauth2(MINISTRY).post("/admin/consumers/{channel}/rebuild", CHANNEL).then().statusCode(202);
            rebuilds.restart("masterplan-events").await().atMost(WAIT);
            await().atMost(WAIT).until(() -> "LIVE".equals(state(MASTERPLAN)));
            assertThat(seen(code)).as("masterplan swapped, agreement still replaying").isEqualTo(before);
            assertThat(state(AGREEMENT)).isEqualTo("BUILDING");
        } finally {
            held.rollback();
            held.close();
        }
        await().atMost(WAIT).until(() -> "LIVE".equals(state(AGREEMENT)));
        assertThat(seen(code)).isEqualTo(before);
        assertThat(rebuilds.interrupted()).isEmpty();
        assertThat(query("SELECT 1 FROM programme_rebuild.timeline_entry")).isEmpty();
    }

    @Test
    void theRebuildTablesHaveTheLiveTablesColumnsInTheirOrder() {
        for (String table : List.of("timeline_entry", "programme_mou", "programme_masterplan", "programme_evaluation")) {
            String columns = "SELECT column_name, data_type, ordinal_position FROM information_schema.columns"
                    + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position";
            assertThat(query(columns, "programme_rebuild", table)).as(table).isNotEmpty()
                    .isEqualTo(query(columns, "public", table));
        }
    }
}
