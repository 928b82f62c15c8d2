package id.kotacerdas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Commit-to-Kafka latency of region-service's events (bench/run, step "events").
 *
 * <p>Subscribes a consumer (own group, latest offset) to the region topic, makes sure region
 * {@code --region} has a profile, then sends {@code --writes} sequential {@code PUT .../profile}
 * (each with the ETag of the previous answer in {@code If-Match} and a new {@code website}) with its
 * own {@code X-Request-Id}, and matches every Kafka record to its write by the {@code ce_requestid}
 * header. For each write it records
 * <ul>
 * <li>(a) {@code record.timestamp() - ce_time}: from the event's creation inside the transaction to
 * the producer's send, i.e. what the outbox relay adds after the commit;</li>
 * <li>(b) consumer receipt - HTTP response receipt, both on this JVM's monotonic clock: how long a
 * consumer waits for the event after the writer got its answer (negative when the event was there
 * first; counted as 0);</li>
 * <li>(c) consumer receipt - {@code ce_time}: the event's whole way from the transaction to a
 * consumer.</li>
 * </ul>
 * (a) and (c) compare wall clocks of different processes on the same machine (one clock), in
 * milliseconds, since Kafka record timestamps have millisecond resolution.
 *
 * <p>Not a test: it is run by bench/run only. Arguments are {@code --name value}; see {@link #USAGE}.
 */
public final class OutboxLatency {

    static final String USAGE = """
            usage: OutboxLatency [--base-url http://localhost:8081] [--bootstrap 127.0.0.1:9092]
                                 [--topic kotacerdas.region.v1] [--region 35.15] [--writes 200]
                                 [--token-url http://localhost:8180/realms/kotacerdas/protocol/openid-connect/token]
                                 [--client-id kotacerdas-cli] [--user ministry] [--password ministry]
                                 [--warmup-writes 10] [--event-timeout-seconds 20] [--csv file]""";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the consumer saw of one record. */
    record Seen(long receivedNanos, long receivedMillis, long recordTimestamp, String timestampType,
            String ceTime, String ceType) {
    }

    /** One successful write. */
    record Write(String requestId, long sentNanos, long answeredNanos) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String baseUrl = opt.getOrDefault("base-url", "http://localhost:8081").replaceAll("/+$", "");
        String bootstrap = opt.getOrDefault("bootstrap", "127.0.0.1:9092");
        String topic = opt.getOrDefault("topic", "kotacerdas.region.v1");
        String region = opt.getOrDefault("region", "35.15");
        int writes = Integer.parseInt(opt.getOrDefault("writes", "200"));
        int warmupWrites = Integer.parseInt(opt.getOrDefault("warmup-writes", "10"));
        String tokenUrl = opt.getOrDefault("token-url",
                "http://localhost:8180/realms/kotacerdas/protocol/openid-connect/token");
        String clientId = opt.getOrDefault("client-id", "kotacerdas-cli");
        String user = opt.getOrDefault("user", "ministry");
        String password = opt.getOrDefault("password", user);
        Duration eventTimeout = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("event-timeout-seconds", "20")));
        String csv = opt.get("csv");
        if (writes < 1) {
            throw new IllegalArgumentException("--writes must be at least 1");
        }

        String runId = UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String token = token(http, tokenUrl, clientId, user, password);

        // --- the consumer: subscribed and positioned at the end before the first write ---------
        Map<String, Seen> seen = new ConcurrentHashMap<>();
        CountDownLatch assigned = new CountDownLatch(1);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(bootstrap, runId));
        Thread poller = new Thread(() -> poll(consumer, topic, seen, assigned), "bench-consumer");
        poller.setDaemon(true);
        poller.start();
        if (!assigned.await(30, TimeUnit.SECONDS)) {
            consumer.wakeup();
            throw new IllegalStateException("the Kafka consumer got no partitions of " + topic + " on " + bootstrap
                    + " within 30 s (is Kafka up? does the topic exist?)");
        }

        // --- a profile to update -------------------------------------------------------------
        String profileUrl = baseUrl + "/api/v1/regions/" + region + "/profile";
        ObjectNode body = profileBody(region, runId, 0);
        HttpResponse<String> created = http.send(request(profileUrl, token, "bench-" + runId + "-create")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("POST " + profileUrl + " answered " + created.statusCode() + ": " + created.body());
        }
        String etag = currentEtag(http, profileUrl, token, runId);

        // --- warm-up writes: the same requests, not measured -----------------------------------
        for (int i = 1; i <= warmupWrites; i++) {
            HttpResponse<String> answer = http.send(request(profileUrl, token, "bench-" + runId + "-warmup-" + i)
                    .header("Content-Type", "application/json").header("If-Match", etag)
                    .PUT(HttpRequest.BodyPublishers.ofString(profileBody(region, runId, -i).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            etag = answer.statusCode() == 200 ? answer.headers().firstValue("ETag").orElseThrow()
                    : currentEtag(http, profileUrl, token, runId);
        }

        // --- the writes ------------------------------------------------------------------------
        List<Write> done = new ArrayList<>(writes);
        List<Double> putMillis = new ArrayList<>(writes);
        Map<Integer, Integer> failures = new HashMap<>();
        int conflicts = 0;
        long firstSent = System.nanoTime();
        for (int i = 1; i <= writes; i++) {
            String requestId = "bench-" + runId + "-" + i;
            long sent = System.nanoTime();
            HttpResponse<String> answer = http.send(request(profileUrl, token, requestId)
                    .header("Content-Type", "application/json").header("If-Match", etag)
                    .PUT(HttpRequest.BodyPublishers.ofString(profileBody(region, runId, i).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            long answered = System.nanoTime();
            if (answer.statusCode() == 200) {
                done.add(new Write(requestId, sent, answered));
                putMillis.add((answered - sent) / 1e6);
                etag = answer.headers().firstValue("ETag")
                        .orElseThrow(() -> new IllegalStateException("PUT answered 200 without an ETag"));
            } else {
                failures.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() == 412) {
                    conflicts++; // someone else changed the profile meanwhile: read it again
                }
                if (answer.statusCode() == 401) {
                    token = token(http, tokenUrl, clientId, user, password);
                }
                etag = currentEtag(http, profileUrl, token, runId);
            }
        }
        long lastAnswered = System.nanoTime();

        // --- wait for the events ---------------------------------------------------------------
        long deadline = System.nanoTime() + eventTimeout.toNanos();
        while (System.nanoTime() < deadline && !allSeen(done, seen)) {
            Thread.sleep(20);
        }
        consumer.wakeup();
        poller.join(10_000);

        if (csv != null) {
            writeCsv(Path.of(csv), done, seen);
        }
        report(region, writes, done, putMillis, failures, conflicts, firstSent, lastAnswered, seen, eventTimeout);
    }

    // --- Kafka -----------------------------------------------------------------------------------

    static Properties consumerProperties(String bootstrap, String runId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "kotacerdas-bench-" + runId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "kotacerdas-bench-" + runId);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // the broker answers a fetch as soon as one byte is there; this only bounds an idle poll
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        return p;
    }

    static void poll(KafkaConsumer<String, String> consumer, String topic, Map<String, Seen> seen, CountDownLatch assigned) {
        try (consumer) {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    if (partitions.isEmpty()) {
                        return;
                    }
                    // resolve "latest" now, so that no write of ours happens before our start offset
                    partitions.forEach(consumer::position);
                    assigned.countDown();
                }
            });
            while (true) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(200));
                long nanos = System.nanoTime();
                long millis = System.currentTimeMillis();
                for (ConsumerRecord<String, String> record : records) {
                    String requestId = header(record, "ce_requestid");
                    if (requestId == null) {
                        requestId = header(record, "X-Request-Id");
                    }
                    if (requestId != null) {
                        seen.putIfAbsent(requestId, new Seen(nanos, millis, record.timestamp(),
                                record.timestampType().toString(), header(record, "ce_time"), header(record, "ce_type")));
                    }
                }
            }
        } catch (WakeupException stop) {
            // asked to stop
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static boolean allSeen(List<Write> done, Map<String, Seen> seen) {
        for (Write w : done) {
            if (!seen.containsKey(w.requestId())) {
                return false;
            }
        }
        return true;
    }

    // --- HTTP ------------------------------------------------------------------------------------

    static String token(HttpClient http, String tokenUrl, String clientId, String user, String password)
            throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(user) + "&password=" + enc(password);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = answer.statusCode() == 200 ? JSON.readTree(answer.body()) : null;
        if (json == null || !json.hasNonNull("access_token")) {
            throw new IllegalStateException("no token for " + user + " from " + tokenUrl + ": " + answer.statusCode()
                    + " " + answer.body());
        }
        return json.get("access_token").asText();
    }

    static HttpRequest.Builder request(String url, String token, String requestId) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("X-Request-Id", requestId)
                .header("Accept", "application/json");
    }

    static String currentEtag(HttpClient http, String profileUrl, String token, String runId)
            throws IOException, InterruptedException {
        HttpResponse<String> current = http.send(request(profileUrl, token, "bench-" + runId + "-read").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (current.statusCode() != 200) {
            throw new IllegalStateException("GET " + profileUrl + " answered " + current.statusCode() + ": " + current.body());
        }
        return current.headers().firstValue("ETag")
                .orElseThrow(() -> new IllegalStateException("GET " + profileUrl + " answered without an ETag"));
    }

    /** A valid profile (see region-service's ProfileData); only the website changes between writes. */
    static ObjectNode profileBody(String region, String runId, int i) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode kominfo = body.putObject("kominfoContact");
        kominfo.put("officeName", "Dinas Komunikasi dan Informatika (benchmark data, region " + region + ")");
        kominfo.put("email", "diskominfo@example.org");
        kominfo.put("phone", "+62 31 0000000");
        ObjectNode period = body.putArray("rpjmdPeriods").addObject();
        period.put("startYear", 2025);
        period.put("endYear", 2029);
        period.put("regulation", "Benchmark data: not a real regulation");
        body.put("website", "https://example.org/kotacerdas-bench/" + runId + "/" + (i < 0 ? "warmup" + -i : i));
        return body;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // --- report ----------------------------------------------------------------------------------

    static void report(String region, int writes, List<Write> done, List<Double> putMillis, Map<Integer, Integer> failures,
            int conflicts, long firstSent, long lastAnswered, Map<String, Seen> seen, Duration eventTimeout) {
        double seconds = (lastAnswered - firstSent) / 1e9;
        List<Double> relay = new ArrayList<>();
        List<Double> afterAnswer = new ArrayList<>();
        List<Double> endToEnd = new ArrayList<>();
        int early = 0;
        double earliest = 0;
        int missing = 0;
        int badTime = 0;
        Map<String, Integer> timestampTypes = new HashMap<>();
        for (Write w : done) {
            Seen s = seen.get(w.requestId());
            if (s == null) {
                missing++;
                continue;
            }
            timestampTypes.merge(s.timestampType(), 1, Integer::sum);
            double b = (s.receivedNanos() - w.answeredNanos()) / 1e6;
            if (b < 0) {
                early++;
                earliest = Math.min(earliest, b);
            }
            afterAnswer.add(Math.max(0, b));
            Long created = epochMillis(s.ceTime());
            if (created == null) {
                badTime++;
                continue;
            }
            relay.add((double) (s.recordTimestamp() - created));
            endToEnd.add((double) (s.receivedMillis() - created));
        }

        System.out.printf(Locale.ROOT, "  writes         %d x PUT /api/v1/regions/%s/profile, sequential on one connection%n", writes, region);
        System.out.printf(Locale.ROOT, "                 %d ok, %d failed%s in %.2f s = %.1f writes/s%n", done.size(),
                writes - done.size(), failures.isEmpty() ? "" : " " + failures, seconds, done.size() / seconds);
        if (conflicts > 0) {
            System.out.printf(Locale.ROOT, "                 %d answered 412: someone else changed the profile meanwhile%n", conflicts);
        }
        System.out.printf(Locale.ROOT, "  PUT latency    p50 %s ms, p99 %s ms, max %s ms%n", fmt(pct(putMillis, 50)),
                fmt(pct(putMillis, 99)), fmt(max(putMillis)));
        System.out.printf(Locale.ROOT, "  events         %d of %d matched by ce_requestid%s; record timestamps %s%n",
                done.size() - missing, done.size(), missing == 0 ? "" : " (" + missing + " not seen within " + eventTimeout.toSeconds() + " s)",
                timestampTypes.isEmpty() ? "-" : timestampTypes.keySet());
        if (badTime > 0) {
            System.out.printf(Locale.ROOT, "                 %d events without a readable ce_time%n", badTime);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "  %-62s %8s %8s %8s%n", "latency (ms)", "median", "p99", "max");
        row("(a) ce_time -> record.timestamp (relay delay after commit)", relay);
        row("(b) HTTP answer received -> consumer received (>= 0)", afterAnswer);
        row("(c) ce_time -> consumer received (end to end)", endToEnd);
        if (early > 0) {
            System.out.printf(Locale.ROOT, "  (b): %d of %d events reached the consumer before the writer had its answer"
                    + " (earliest %.1f ms before); counted as 0%n", early, afterAnswer.size(), earliest);
        }
        // one machine-readable line for bench/run
        System.out.printf(Locale.ROOT, "EVENTS ok=%d failed=%d writes_per_s=%.1f put_p50=%s put_p99=%s relay_p50=%s relay_p99=%s relay_max=%s"
                        + " after_answer_p50=%s after_answer_p99=%s after_answer_max=%s e2e_p50=%s e2e_p99=%s e2e_max=%s matched=%d%n",
                done.size(), writes - done.size(), done.size() / seconds, fmt(pct(putMillis, 50)), fmt(pct(putMillis, 99)),
                fmt(pct(relay, 50)), fmt(pct(relay, 99)), fmt(max(relay)),
                fmt(pct(afterAnswer, 50)), fmt(pct(afterAnswer, 99)), fmt(max(afterAnswer)),
                fmt(pct(endToEnd, 50)), fmt(pct(endToEnd, 99)), fmt(max(endToEnd)), done.size() - missing);
        if (done.isEmpty() || missing > 0) {
            System.exit(2);
        }
    }

    /** One line per write, in order: for looking at the tail (warm-up effects, periodic stalls). */
    static void writeCsv(Path file, List<Write> done, Map<String, Seen> seen) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("request_id,sent_ms_after_first,put_ms,relay_ms,after_answer_ms,end_to_end_ms");
        long first = done.isEmpty() ? 0 : done.get(0).sentNanos();
        for (Write w : done) {
            Seen s = seen.get(w.requestId());
            Long created = s == null ? null : epochMillis(s.ceTime());
            lines.add(String.join(",", w.requestId(), fmt((w.sentNanos() - first) / 1e6), fmt((w.answeredNanos() - w.sentNanos()) / 1e6),
                    s == null || created == null ? "" : Long.toString(s.recordTimestamp() - created),
                    s == null ? "" : fmt((s.receivedNanos() - w.answeredNanos()) / 1e6),
                    s == null || created == null ? "" : Long.toString(s.receivedMillis() - created)));
        }
        Files.write(file, lines);
    }

    static void row(String label, List<Double> values) {
        System.out.printf(Locale.ROOT, "  %-62s %8s %8s %8s%n", label, fmt(pct(values, 50)), fmt(pct(values, 99)), fmt(max(values)));
    }

    /** Milliseconds since the epoch of a CloudEvents time, cut to whole milliseconds like Kafka timestamps. */
    static Long epochMillis(String ceTime) {
        if (ceTime == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(ceTime).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(ceTime).toEpochMilli();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** Nearest-rank percentile; NaN for no values. */
    static double pct(List<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("-h") || args[i].equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                System.err.println(USAGE);
                System.exit(64);
            }
            opt.put(args[i].substring(2), args[++i]);
        }
        return opt;
    }
}
