package id.kotacerdas.bench;

import static id.kotacerdas.bench.EvaluationBench.JSON;
import static id.kotacerdas.bench.EvaluationBench.env;
import static id.kotacerdas.bench.EvaluationBench.send;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The path a user sees, against a RUNNING suite (not a test): from a commit in one service to the fact on the
 * region's timeline in another. For each of {@code BENCH_TIMELINE_WRITES} (100) kabupaten, assessment-service commits
 * an invitation ({@code POST .../invitations}, one region each, answered after the commit); the clock runs from that
 * answer until region-service's {@code GET /api/v1/regions/{code}/timeline} shows the {@code INVITED} entry of the
 * cycle (polled every {@code BENCH_TIMELINE_POLL_MS}, 2 ms): outbox relay, Kafka, the consumer's transaction. Then
 * {@code BENCH_DOSSIER_READS} (100) sequential reads of a region's dossier through the gateway (one token: within its
 * burst of 100). Prints median and p99 of both. Writes go straight to {@code :8082} and polls to {@code :8081} so
 * the gateway's per-caller rate limit does not pace them; each run leaves a cycle of its own (assessment year 2089)
 * with its invitations and their timeline entries.
 */
public final class TimelineLatency {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("""
                    TimelineLatency: commit-to-timeline latency (assessment invitation -> region-service timeline) and
                    the dossier read through the gateway, on a running suite.
                    Environment: BENCH_ASSESSMENT_URL (http://localhost:8082), BENCH_DIRECT_URL (http://localhost:8081),
                    BENCH_GATEWAY_URL (http://localhost:8080), BENCH_KEYCLOAK_URL (http://localhost:8180),
                    BENCH_TIMELINE_WRITES (100), BENCH_TIMELINE_POLL_MS (2), BENCH_DOSSIER_READS (100),
                    BENCH_DOSSIER_REGION (52.07).""");
            return;
        }
        String assessment = env("BENCH_ASSESSMENT_URL", "http://localhost:8082");
        String regions = env("BENCH_DIRECT_URL", "http://localhost:8081");
        String gateway = env("BENCH_GATEWAY_URL", "http://localhost:8080");
        String keycloak = env("BENCH_KEYCLOAK_URL", "http://localhost:8180");
        int writes = Integer.parseInt(env("BENCH_TIMELINE_WRITES", "100"));
        long pollMs = Long.parseLong(env("BENCH_TIMELINE_POLL_MS", "2"));
        int reads = Integer.parseInt(env("BENCH_DOSSIER_READS", "100"));
        String dossierRegion = env("BENCH_DOSSIER_REGION", "52.07");
        String ministry = EvaluationBench.token(keycloak, "ministry");
        String auditor = EvaluationBench.token(keycloak, "auditor");

        List<String> codes = new ArrayList<>();
        for (int page = 0; codes.size() < writes && page < 10; page++) {
            JsonNode items = JSON.readTree(send("GET", regions + "/api/v1/regions?level=KABUPATEN&size=100&page=" + page,
                    auditor, null, null, 200).body()).get("items");
            items.forEach(r -> codes.add(r.get("code").asText()));
        }
        List<String> chosen = codes.subList(0, Math.min(writes, codes.size()));
        HttpResponse<String> created = send("POST", assessment + "/api/v1/assessment-cycles", ministry, null, """
                {"name":"Bench timeline %d","assessmentYear":2089,"programmeYear":2090,"framework":{"code":"kominfo-readiness","version":2},
                 "schedule":{"invitedOn":"2089-01-10","selfAssessmentDeadline":"2099-12-29T23:59:59+07:00"},
                 "quotas":{"kabKotaSeats":50,"provinceSeats":0}}""".formatted(System.currentTimeMillis()), 201);
        String cycle = JSON.readTree(created.body()).get("id").asText();
        send("POST", assessment + "/api/v1/assessment-cycles/" + cycle + "/transitions", ministry,
                created.headers().firstValue("ETag").orElseThrow(), "{\"state\":\"INVITING\"}", 200);
        System.out.printf("BENCH timeline cycle=%s writes=%d poll-ms=%d%n", cycle, chosen.size(), pollMs);

        List<Double> latencies = new ArrayList<>();
        for (String code : chosen) {
            send("POST", assessment + "/api/v1/assessment-cycles/" + cycle + "/invitations", ministry, null,
                    "{\"regionCodes\":[\"" + code + "\"]}", 201);
            long committed = System.nanoTime();
            long deadline = committed + 30_000_000_000L;
            while (!invited(send("GET", regions + "/api/v1/regions/" + code + "/timeline?size=100", auditor, null, null, 200),
                    cycle)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no INVITED entry for " + code + " within 30 s");
                }
                Thread.sleep(pollMs);
            }
            latencies.add((System.nanoTime() - committed) / 1e6);
        }
        print("commit-to-timeline", latencies);

        List<Double> dossier = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            long start = System.nanoTime();
            send("GET", gateway + "/api/v1/regions/" + dossierRegion + "/dossier", auditor, null, null, 200);
            dossier.add((System.nanoTime() - start) / 1e6);
        }
        print("dossier-via-gateway region=" + dossierRegion, dossier);
    }

    static boolean invited(HttpResponse<String> timeline, String cycle) throws Exception {
        for (JsonNode entry : JSON.readTree(timeline.body()).get("items")) {
            if ("INVITED".equals(entry.path("kind").asText()) && entry.toString().contains(cycle)) {
                return true;
            }
        }
        return false;
    }

    static void print(String what, List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        double p50 = sorted.get((int) Math.floor(0.5 * (sorted.size() - 1)));
        double p99 = sorted.get((int) Math.ceil(0.99 * (sorted.size() - 1)));
        System.out.printf("BENCH %s n=%d p50-ms=%.1f p99-ms=%.1f max-ms=%.1f%n", what, sorted.size(), p50, p99,
                sorted.get(sorted.size() - 1));
    }
}
