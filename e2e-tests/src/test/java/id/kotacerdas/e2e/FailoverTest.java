package id.kotacerdas.e2e;

import static id.kotacerdas.e2e.Keycloak.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of everything, and one of each killed (kill -9) in turn under a steady write load through the gateways'
 * one address: no acknowledged write lost or applied twice, every event on Kafka once per {@code ce_id} and in order
 * per key, no consumer effect twice, callers see only the requests in flight at the killed instance fail, and the
 * service goes on within seconds. Runs after every other test class (it kills parts of the suite they use); skipped
 * when the suite runs one instance of each.
 */
@ExtendWith(RunningSuite.class)
@Order(Integer.MAX_VALUE)
class FailoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * Turns per second of each caller: a writer's turn is two calls (GET, PUT), so a caller stays under the gateways'
     * per-caller limit of each route (600 a minute, half of it at each of two gateways).
     */
    private static final int TICKS_PER_SECOND = 2;
    /** The regions rewritten under load, each by its own officer (a caller of its own for the rate limit). */
    private static final Map<String, String> WRITERS = Map.of("19.71", "officer-pangkalpinang", "13.77",
            "officer-pariaman", "52.07", "officer-ksb");
    /** This run's mark in the websites it writes (a suite left running may hold an earlier run's). */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final Pattern WEBSITE = Pattern.compile("https://failover-" + RUN + "-(\\d+)-(\\d+)\\.example\\.go\\.id");
    /** The parts killed, in turn: an instance of each service, then a gateway; the route whose callers notice. */
    private static final Map<String, String> VICTIMS = new LinkedHashMap<>();

    static {
        VICTIMS.put("region-service", "region");
        VICTIMS.put("assessment-service", "assessment");
        VICTIMS.put("agreement-service", "agreement");
        VICTIMS.put("masterplan-service", "masterplan");
        VICTIMS.put("gateway-2", null);
    }

    @BeforeAll
    static void twoOfEverything() {
        io.restassured.RestAssured.baseURI = RunningSuite.GATEWAY;
        Assumptions.assumeTrue(RunningSuite.replicas() >= 2, "the suite runs one instance of each service");
    }

    /** One request's outcome, as a caller saw it. */
    record Call(String route, long startNanos, long endNanos, int status) {
        boolean failed() {
            return status == 0 || status >= 500;
        }
    }

    static final class Load {
        final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<Thread> threads = new ArrayList<>();
        /** A steady load: each caller goes round TICKS_PER_SECOND times a second (within the gateways' rate limits). */
        final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        /** Per region: the websites acknowledged (200), in the order written. */
        final Map<String, List<String>> acknowledged = new HashMap<>();
        /** Per region: every website sent, acknowledged or not. */
        final Map<String, List<String>> sent = new HashMap<>();
        /** Profiles created: region -> website, acknowledged with 201. */
        final Map<String, String> created = new java.util.concurrent.ConcurrentHashMap<>();
        final Map<String, String> createSent = new java.util.concurrent.ConcurrentHashMap<>();

        int callers() {
            return threads.size();
        }

        void start(String name, Runnable loop) {
            Semaphore turns = new Semaphore(0);
            // one turn per tick, none saved up while a call hangs
            ticker.scheduleAtFixedRate(() -> {
                if (turns.availablePermits() == 0) {
                    turns.release();
                }
            }, 0, 1000 / TICKS_PER_SECOND, TimeUnit.MILLISECONDS);
            Thread t = new Thread(() -> {
                while (running.get()) {
                    try {
                        if (!turns.tryAcquire(1, TimeUnit.SECONDS)) {
                            continue;
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    loop.run();
                }
            }, "failover-" + name);
            threads.add(t);
            t.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            ticker.shutdownNow();
            for (Thread t : threads) {
                t.join(30_000);
            }
        }

        HttpResponse<String> call(String route, HttpRequest request) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                calls.add(new Call(route, start, System.nanoTime(), response.statusCode()));
                return response;
            } catch (IOException e) {
                calls.add(new Call(route, start, System.nanoTime(), 0));
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
                return null;
            }
        }

        /** Calls of the route (any route: null) started after the moment, in order. */
        List<Call> since(String route, long nanos) {
            return calls.stream().filter(c -> (route == null || c.route.equals(route)) && c.startNanos >= nanos)
                    .sorted(java.util.Comparator.comparingLong(Call::startNanos)).toList();
        }
    }

    static HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create(RunningSuite.GATEWAY + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token(user));
    }

    static JsonNode json(String path, String user) throws Exception {
        HttpResponse<String> response = HTTP.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Region codes of kabupaten/kota without a profile yet. */
    static List<String> regionsWithoutProfile(int wanted, Set<String> except) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int page = 0; codes.size() < wanted && page < 10; page++) {
            for (JsonNode region : json("/api/v1/regions?size=100&page=" + page + "&level=KABUPATEN", "ministry").path("items")) {
                String code = region.path("code").asText();
                if (codes.size() < wanted && !except.contains(code) && HTTP.send(request("/api/v1/regions/" + code
                        + "/profile", "ministry").GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 404) {
                    codes.add(code);
                }
            }
        }
        assertThat(codes).hasSize(wanted);
        return codes;
    }

    /** Writer {@code w}: replaces the profile of its region again and again (If-Match), each time with a new website. */
    static void profileWriter(Load load, int w, String code, String user) {
        List<String> acked = new ArrayList<>();
        List<String> sent = new ArrayList<>();
        synchronized (load) {
            load.acknowledged.put(code, acked);
            load.sent.put(code, sent);
        }
        int[] seq = {0};
        load.start("writer-" + w, () -> {
            HttpResponse<String> current = load.call("region", request("/api/v1/regions/" + code + "/profile", user)
                    .GET().build());
            if (current == null || current.statusCode() != 200) {
                return;
            }
            String website = "https://failover-" + RUN + "-" + w + "-" + (++seq[0]) + ".example.go.id";
            synchronized (sent) {
                sent.add(website);
            }
            HttpResponse<String> put = load.call("region", request("/api/v1/regions/" + code + "/profile", user)
                    .header("Content-Type", "application/json").header("If-Match", current.headers().firstValue("ETag").orElseThrow())
                    .PUT(HttpRequest.BodyPublishers.ofString(SuiteThroughGatewayTest.profile(website))).build());
            if (put != null && put.statusCode() == 200) {
                synchronized (acked) {
                    acked.add(website);
                }
            }
        });
    }

    /** Creates profiles one region after another, each with its Idempotency-Key, sent again after a failure. */
    static void profileCreator(Load load, List<String> codes) {
        int[] next = {0};
        String[] key = {UUID.randomUUID().toString()};
        load.start("creator", () -> {
            if (next[0] >= codes.size()) {
                // all created: reads keep this caller in the load
                load.call("region", request("/api/v1/regions/" + codes.get(0) + "/profile", "ministry").GET().build());
                return;
            }
            String code = codes.get(next[0]);
            String website = "https://created-" + code + ".example.go.id";
            load.createSent.put(code, website);
            HttpResponse<String> response = load.call("region", request("/api/v1/regions/" + code + "/profile", "ministry")
                    .header("Content-Type", "application/json").header("Idempotency-Key", key[0])
                    .POST(HttpRequest.BodyPublishers.ofString(SuiteThroughGatewayTest.profile(website))).build());
            if (response != null && response.statusCode() == 201) {
                load.created.put(code, website);
                next[0]++;
                key[0] = UUID.randomUUID().toString();
            }
            // else: the same key again (a 409 "in progress" or a failure before the answer)
        });
    }

    static void reader(Load load, String route, String path) {
        load.start("reader-" + route, () -> load.call(route, request(path, "auditor").GET().build()));
    }

    static long pidOf(String part) throws IOException {
        return Long.parseLong(Files.readString(RunningSuite.ROOT.resolve(".local/pids/" + part + ".pid")).trim());
    }

    @Test
    void killingOneInstanceOfEachServiceAndAGatewayLosesNoAcknowledgedWriteAndDoesNothingTwice() throws Exception {
        JsonNode masterplansBefore = json("/api/v1/masterplans?size=100", "auditor");
        Map<String, Integer> timelinesBefore = new HashMap<>();
        for (String code : List.of("18.72", "51.02")) {
            timelinesBefore.put(code, json("/api/v1/regions/" + code + "/timeline?size=100", "auditor").path("items").size());
        }
        List<String> writerRegions = List.copyOf(new java.util.TreeSet<>(WRITERS.keySet()));
        for (String code : writerRegions) {
            SuiteThroughGatewayTest.etagOf(code);
        }
        List<String> createRegions = regionsWithoutProfile(40, new HashSet<>(writerRegions));

        Load load = new Load();
        for (int w = 0; w < writerRegions.size(); w++) {
            profileWriter(load, w, writerRegions.get(w), WRITERS.get(writerRegions.get(w)));
        }
        profileCreator(load, createRegions);
        reader(load, "assessment", "/api/v1/programme-statistics");
        reader(load, "agreement", "/api/v1/mous/counts");
        reader(load, "masterplan", "/api/v1/masterplans?size=5");

        List<String> report = new ArrayList<>();
        try {
            // the load runs on every route before the first kill
            await().atMost(Duration.ofSeconds(30)).until(() -> load.calls.stream().filter(c -> !c.failed())
                    .map(Call::route).distinct().count() == 4);
            for (Map.Entry<String, String> victim : VICTIMS.entrySet()) {
                String part = victim.getKey();
                String route = victim.getValue();
                ProcessHandle process = ProcessHandle.of(pidOf(part)).orElseThrow();
                long killed = System.nanoTime();
                process.destroyForcibly(); // SIGKILL
                await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
                // service goes on: every route answers three times in a row, started after the kill
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
                    for (String r : List.of("region", "assessment", "agreement", "masterplan")) {
                        List<Call> after = load.since(r, killed);
                        if (after.size() < 3 || after.subList(after.size() - 3, after.size()).stream().anyMatch(Call::failed)) {
                            return false;
                        }
                    }
                    return true;
                });
                List<Call> failed = load.since(route, killed).stream().filter(Call::failed).toList();
                long lastFailure = failed.stream().mapToLong(Call::endNanos).max().orElse(killed);
                long firstOkAfter = load.since(route, killed).stream().filter(c -> !c.failed() && c.startNanos >= lastFailure)
                        .mapToLong(Call::endNanos).min().orElse(killed);
                long failoverMs = failed.isEmpty() ? 0 : (firstOkAfter - killed) / 1_000_000;
                report.add("%-20s killed: %d failed calls (of %d callers), service again after %d ms".formatted(part,
                        failed.size(), load.callers(), failoverMs));
                // only what was in flight at the killed instance fails: at most one request per caller
                assertThat(failed.size()).as("failed calls after killing %s", part).isLessThanOrEqualTo(load.callers());
            }
        } finally {
            load.stop();
        }
        // the killed instances start again (deploy/local/up) while the survivors are checked
        long restart = System.nanoTime();
        java.util.concurrent.CompletableFuture<Long> restarted = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                RunningSuite.restart("restart");
                return (System.nanoTime() - restart) / 1_000_000;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            checkEverythingOnce(load, writerRegions, masterplansBefore, timelinesBefore, report);
        } finally {
            System.out.println("[e2e] failover:\n  " + String.join("\n  ", report));
            report.clear();
            report.add("restarted the five killed instances in %d ms".formatted(restarted.get()));
            System.out.println("[e2e] failover:\n  " + String.join("\n  ", report));
        }
    }

    private static void checkEverythingOnce(Load load, List<String> writerRegions, JsonNode masterplansBefore,
            Map<String, Integer> timelinesBefore, List<String> report) throws Exception {

        // every acknowledged write is there, once: the region's history (earlier values and the current one)
        int acked = 0;
        int present = 0;
        int duplicates = 0;
        for (String code : writerRegions) {
            List<String> history = new ArrayList<>();
            for (JsonNode revision : json("/api/v1/regions/" + code + "/profile/revisions?size=100", "ministry").path("items")) {
                history.add(revision.path("value").path("website").asText());
            }
            history.add(json("/api/v1/regions/" + code + "/profile", "ministry").path("profile").path("website").asText());
            for (String website : load.acknowledged.get(code)) {
                acked++;
                long times = history.stream().filter(website::equals).count();
                present += times > 0 ? 1 : 0;
                duplicates += times > 1 ? 1 : 0;
            }
            // and nothing twice that was sent once (an unacknowledged write took effect at most once)
            assertThat(history.stream().filter(h -> h.startsWith("https://failover-" + RUN + "-")).toList())
                    .doesNotHaveDuplicates();
        }
        int createdPresent = 0;
        for (Map.Entry<String, String> c : load.created.entrySet()) {
            if (json("/api/v1/regions/" + c.getKey() + "/profile", "ministry").path("profile").path("website").asText()
                    .equals(c.getValue())) {
                createdPresent++;
            }
        }
        report.add("profile writes acknowledged %d, present %d, applied twice %d; creates (Idempotency-Key) acknowledged %d, present %d"
                .formatted(acked, present, duplicates, load.created.size(), createdPresent));
        assertThat(acked).isGreaterThan(0);
        assertThat(present).isEqualTo(acked);
        assertThat(duplicates).isZero();
        assertThat(createdPresent).isEqualTo(load.created.size()).isPositive();

        // the events: once per ce_id on every topic; per region, the profile's websites in the order written
        Map<String, Integer> perTopicDuplicates = new LinkedHashMap<>();
        Map<String, List<Integer>> order = new HashMap<>();
        int events = 0;
        for (String topic : List.of("kotacerdas.region.v1", "kotacerdas.assessment.v1", "kotacerdas.agreement.v1",
                "kotacerdas.masterplan.v1", "kotacerdas.evaluation.v1")) {
            Set<String> ids = new HashSet<>();
            int dup = 0;
            for (ConsumerRecord<String, String> r : readAll(topic)) {
                events++;
                if (!ids.add(TopicEvents.header(r, "ce_id"))) {
                    dup++;
                }
                Matcher m = r.value() == null ? null : WEBSITE.matcher(r.value());
                if (m != null && m.find() && writerRegions.contains(r.key())) {
                    order.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
                }
            }
            perTopicDuplicates.put(topic, dup);
        }
        report.add("events read %d, duplicate ce_id per topic %s".formatted(events, perTopicDuplicates));
        assertThat(perTopicDuplicates.values()).allMatch(d -> d == 0);
        for (String code : writerRegions) {
            assertThat(order.get(code)).as("the profile events of %s in the order written", code).isSorted()
                    .doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(load.acknowledged.get(code).size());
        }

        // no consumer effect twice: one masterplan per signed MoU, the timelines as they were
        List<String> mous = new ArrayList<>();
        JsonNode masterplans = json("/api/v1/masterplans?size=100", "auditor");
        masterplans.path("items").forEach(p -> {
            if (!p.path("mouId").isNull() && !p.path("mouId").isMissingNode()) {
                mous.add(p.path("mouId").asText());
            }
        });
        assertThat(mous).doesNotHaveDuplicates();
        assertThat(masterplans.path("total").asInt()).isEqualTo(masterplansBefore.path("total").asInt());
        for (Map.Entry<String, Integer> t : timelinesBefore.entrySet()) {
            assertThat(json("/api/v1/regions/" + t.getKey() + "/timeline?size=100", "auditor").path("items").size())
                    .as("timeline of %s", t.getKey()).isEqualTo(t.getValue());
        }
    }

    @Test
    void theSameIdempotencyKeyAtBothInstancesAtOnceHasOneEffect() throws Exception {
        String code = regionsWithoutProfile(1, Set.of("")).get(0);
        String key = UUID.randomUUID().toString();
        String website = "https://once-" + code + ".example.go.id";
        CyclicBarrier together = new CyclicBarrier(2);
        List<HttpResponse<String>> responses = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(2);
        for (String instance : List.of("http://localhost:8081", "http://localhost:8091")) {
            new Thread(() -> {
                try {
                    HttpRequest post = HttpRequest.newBuilder(URI.create(instance + "/api/v1/regions/" + code + "/profile"))
                            .header("Authorization", "Bearer " + token("ministry")).header("Idempotency-Key", key)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(SuiteThroughGatewayTest.profile(website))).build();
                    together.await();
                    HttpResponse<String> response = HTTP.send(post, HttpResponse.BodyHandlers.ofString());
                    synchronized (responses) {
                        responses.add(response);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    done.countDown();
                }
            }).start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> done.getCount() == 0);

        List<Integer> statuses = responses.stream().map(HttpResponse::statusCode).sorted().toList();
        System.out.println("[e2e] the same Idempotency-Key at both region-service instances at once: " + statuses);
        assertThat(statuses).hasSize(2).contains(201).allMatch(s -> s == 201 || s == 409);
        // one effect: one profile, never replaced, and one event for it
        assertThat(json("/api/v1/regions/" + code + "/profile/revisions", "ministry").path("items")).isEmpty();
        long created = readAll("kotacerdas.region.v1").stream()
                .filter(r -> code.equals(r.key()) && r.value() != null && r.value().contains(website)).count();
        assertThat(created).isEqualTo(1);
    }

    /** Every record of the topic up to its end now. */
    static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, RunningSuite.KAFKA);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
