package id.kotacerdas.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark of the yearly evaluation against a RUNNING suite (not a test): opens an evaluation year, makes ~240 regions
 * due by hand (the members of the historical cohorts that assessment-service imported, topped up with further
 * kabupaten/kota from region-service), posts one assessor's scores of every indicator for each, publishes, and prints
 * the time of the publication call and of the ranking (national table) read. See bench/README.md.
 */
public final class EvaluationBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] DIMENSIONS = { "BASELINE", "OUTPUT", "OUTCOME", "IMPACT", "QUICK_WIN" };
    static final String[] PILLARS = { "GOVERNANCE", "BRANDING", "ECONOMY", "LIVING", "SOCIETY", "ENVIRONMENT" };

    final String assessment = env("BENCH_ASSESSMENT_URL", "http://localhost:8082");
    final String regionsUrl = env("BENCH_DIRECT_URL", "http://localhost:8081");
    final String keycloak = env("BENCH_KEYCLOAK_URL", "http://localhost:8180");
    final int wanted = Integer.parseInt(env("BENCH_EVALUATION_REGIONS", "240"));
    final int concurrency = Integer.parseInt(env("BENCH_EVALUATION_CONCURRENCY", "4"));
    final String framework = env("BENCH_EVALUATION_FRAMEWORK", "kominfo-evaluation");
    final int frameworkVersion = Integer.parseInt(env("BENCH_EVALUATION_FRAMEWORK_VERSION", "1"));
    String ministry;
    String assessor;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("""
                    EvaluationBench: opens an evaluation year on a running suite, makes BENCH_EVALUATION_REGIONS (240)
                    regions due, scores them, publishes, and times the publication and the national table read.
                    Environment: BENCH_ASSESSMENT_URL (http://localhost:8082), BENCH_DIRECT_URL (region-service,
                    http://localhost:8081), BENCH_KEYCLOAK_URL (http://localhost:8180), BENCH_EVALUATION_YEAR (first
                    free year from 2040), BENCH_EVALUATION_REGIONS (240), BENCH_EVALUATION_CONCURRENCY (4 scoresheet
                    writers), BENCH_EVALUATION_FRAMEWORK / _VERSION (kominfo-evaluation 1).""");
            return;
        }
        new EvaluationBench().run();
    }

    void run() throws Exception {
        ministry = token("ministry");
        assessor = token("assessor");
        int year = year();
        List<String> codes = regions();
        System.out.printf("BENCH evaluation year=%d regions=%d framework=%s v%d concurrency=%d%n", year, codes.size(),
                framework, frameworkVersion, concurrency);

        HttpResponse<String> created = send("POST", assessment + "/api/v1/evaluation-cycles", ministry, null,
                "{\"evaluationYear\":" + year + ",\"name\":\"Bench " + year + "\",\"framework\":{\"code\":\"" + framework
                        + "\",\"version\":" + frameworkVersion + "}}", 201);
        String id = JSON.readTree(created.body()).get("id").asText();
        String etag = created.headers().firstValue("ETag").orElseThrow();
        String base = assessment + "/api/v1/evaluation-cycles/" + id;
        ObjectNode add = JSON.createObjectNode();
        ArrayNode list = add.putArray("regionCodes");
        codes.forEach(list::add);
        long t0 = System.nanoTime();
        send("POST", base + "/regions", ministry, null, add.toString(), 201);
        System.out.printf("BENCH add-regions ms=%d%n", ms(t0));
        etag = move(base, etag, "SELF_ASSESSMENT");
        etag = move(base, etag, "INTERVIEWS");
        JsonNode due = JSON.readTree(send("GET", base + "/regions", ministry, null, null, 200).body()).get("items");
        List<String> dueCodes = new ArrayList<>();
        due.forEach(r -> dueCodes.add(r.get("regionCode").asText()));

        Random random = new Random(year);
        List<String> sheets = new ArrayList<>();
        for (String code : dueCodes) {
            ObjectNode sheet = JSON.createObjectNode().put("regionCode", code);
            ArrayNode scores = sheet.putArray("scores");
            for (String d : DIMENSIONS) {
                for (String p : PILLARS) {
                    scores.addObject().put("indicatorCode", d + "." + p + ".1").put("value", random.nextInt(11) / 2.0);
                }
            }
            sheets.add(sheet.toString());
        }
        t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<HttpResponse<String>>> posted = new ArrayList<>();
        for (String sheet : sheets) {
            posted.add(pool.submit(() -> send("POST", base + "/scoresheets", assessor, null, sheet, 201)));
        }
        for (Future<HttpResponse<String>> f : posted) {
            f.get();
        }
        pool.shutdown();
        long scoring = ms(t0);
        System.out.printf("BENCH scoresheets n=%d indicators=%d ms=%d per-sheet-ms=%.1f%n", sheets.size(),
                DIMENSIONS.length * PILLARS.length, scoring, (double) scoring / Math.max(1, sheets.size()));
        etag = move(base, etag, "SCORING");

        t0 = System.nanoTime();
        HttpResponse<String> published = send("POST", base + "/publication", ministry, etag, "{}", 200);
        long publish = ms(t0);
        System.out.printf("BENCH publish regions=%d ms=%d%n", JSON.readTree(published.body()).get("regions").asInt(), publish);

        String table = assessment + "/api/v1/evaluations?size=100&evaluationYear=" + year;
        List<Long> reads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            t0 = System.nanoTime();
            send("GET", table, assessor, null, null, 200);
            reads.add(ms(t0));
        }
        List<Long> warm = new ArrayList<>(reads.subList(1, reads.size()));
        warm.sort(Long::compare);
        System.out.printf("BENCH ranking-read first-ms=%d median-ms=%d (of %d after it)%n", reads.get(0),
                warm.get(warm.size() / 2), warm.size());
        t0 = System.nanoTime();
        send("GET", assessment + "/api/v1/evaluations/distribution?evaluationYear=" + year, assessor, null, null, 200);
        System.out.printf("BENCH distribution-read ms=%d%n", ms(t0));
        System.out.printf("BENCH cycle=%s (year %d stays PUBLISHED; the next run takes the next free year)%n", id, year);
    }

    String move(String base, String etag, String state) throws Exception {
        return send("POST", base + "/transitions", ministry, etag, "{\"state\":\"" + state + "\"}", 200).headers()
                .firstValue("ETag").orElseThrow();
    }

    /** BENCH_EVALUATION_YEAR, or the first year from 2040 without an evaluation cycle. */
    int year() throws Exception {
        String given = System.getenv("BENCH_EVALUATION_YEAR");
        if (given != null && !given.isBlank()) {
            return Integer.parseInt(given);
        }
        JsonNode cycles = JSON.readTree(send("GET", assessment + "/api/v1/evaluation-cycles?size=100", ministry, null, null, 200)
                .body()).get("items");
        int year = 2040;
        for (JsonNode c : cycles) {
            year = Math.max(year, c.get("evaluationYear").asInt() + 1);
        }
        return year;
    }

    /** The historical cohorts' members, topped up with further kabupaten/kota from region-service. */
    List<String> regions() throws Exception {
        Set<String> codes = new LinkedHashSet<>();
        JsonNode cohorts = JSON.readTree(send("GET", assessment + "/api/v1/cohorts?size=100", ministry, null, null, 200).body());
        cohorts.get("items").forEach(c -> c.get("members").forEach(m -> codes.add(m.get("regionCode").asText())));
        int cohortMembers = codes.size();
        for (int page = 0; codes.size() < wanted && page < 10; page++) {
            JsonNode regions = JSON.readTree(send("GET", regionsUrl + "/api/v1/regions?level=KABUPATEN&size=100&page=" + page
                    + "&administrative=false", ministry, null, null, 200).body()).get("items");
            if (regions.isEmpty()) {
                break;
            }
            for (JsonNode r : regions) {
                if (codes.size() < wanted) {
                    codes.add(r.get("code").asText());
                }
            }
        }
        System.out.printf("BENCH regions cohort-members=%d topped-up=%d%n", cohortMembers, codes.size() - cohortMembers);
        return new ArrayList<>(codes).subList(0, Math.min(wanted, codes.size()));
    }

    String token(String user) throws Exception {
        return token(keycloak, user);
    }

    /** A demo account's token (password grant, client kotacerdas-cli; password = user name). */
    static String token(String keycloak, String user) throws Exception {
        String form = "grant_type=password&client_id=kotacerdas-cli&username=" + enc(user) + "&password=" + enc(user);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloak + "/realms/kotacerdas/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    static HttpResponse<String> send(String method, String url, String token, String ifMatch, String body, int expected)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    static long ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
