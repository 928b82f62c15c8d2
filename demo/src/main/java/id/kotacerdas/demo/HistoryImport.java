package id.kotacerdas.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the programme's public record (by default {@code history/public-record-2017-2024.json}, documented in the
 * README beside it) through the gateway with a client-credentials token of {@code kotacerdas-importer} (realm role
 * {@code importer}): every fact of the file is one POST to its record-from-source path, in dependency order (declared
 * figures, recorded assessments, cohort members, result letters, recorded MoUs, recorded masterplans).
 * <p>
 * The paths are idempotent by natural key, so a second run writes nothing: {@code 201} = wrote, {@code 200} (or a
 * replayed {@code 201}, {@code Idempotent-Replayed: true}) = skipped, any other {@code 4xx} = refused (printed with the
 * problem's detail and fields; the import goes on), {@code 5xx} = failed (the import goes on; the exit code says so).
 * A {@code 429} of the gateway's per-caller rate limit is waited out and the fact sent again. A transport failure
 * stops the import. Each POST also carries a deterministic {@code Idempotency-Key} (from the path
 * and the body), so a retried fact is not written twice where a path has no natural key of its own.
 * <p>
 * {@code deploy/local/import-history [FILE]}; {@code deploy/local/demo-data} runs it before the demo story.
 */
public final class HistoryImport {

    /** The default file, on the demo module's classpath. */
    public static final String DEFAULT_RESOURCE = "history/public-record-2017-2024.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How often one fact is sent again after a 429 of the gateway's rate limit, and the longest wait honoured. */
    static final int MAX_RATE_LIMIT_RETRIES = 30;
    static final long MAX_RETRY_AFTER_SECONDS = 60;

    /** A kind of fact: its array in the file, its path (with {@code {field}} taken from the fact), in load order. */
    enum Kind {
        DECLARED_FIGURES("declaredFigures", "/api/v1/cohorts/{programmeYear}/declared-figures", "declared figures"),
        RECORDED_ASSESSMENTS("recordedAssessments", "/api/v1/recorded-assessments", "recorded outcome"),
        COHORT_MEMBERS("cohortMembers", "/api/v1/cohorts/{programmeYear}/members", "cohort member"),
        RESULT_LETTERS("resultLetters", "/api/v1/result-letters", "result letter"),
        RECORDED_MOUS("recordedMous", "/api/v1/recorded-mous", "recorded MoU"),
        RECORDED_MASTERPLANS("recordedMasterplans", "/api/v1/recorded-masterplans", "recorded masterplan");

        final String array;
        final String path;
        final String label;

        Kind(String array, String path, String label) {
            this.array = array;
            this.path = path;
            this.label = label;
        }

        /** The fields of a fact that go into the path (and not into the body). */
        List<String> pathFields() {
            List<String> out = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([A-Za-z]+)}").matcher(path);
            while (m.find()) {
                out.add(m.group(1));
            }
            return out;
        }
    }

    /** One POST: the fact's kind, a label for the output, its path and its request body. */
    record Fact(Kind kind, String label, String path, ObjectNode body) {

        /** The deterministic {@code Idempotency-Key} of this fact as it is now written. */
        String idempotencyKey() {
            return UUID.nameUUIDFromBytes(("history " + path + " " + body).getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    /** What became of a fact. */
    enum Outcome {
        WROTE, SKIPPED, REFUSED, FAILED
    }

    /**
     * The counts of a run, its time ({@code millis}, from the first request to the last answer) and the part of it
     * spent waiting on the gateway's rate limit ({@code throttledMillis}).
     */
    public record Result(int wrote, int skipped, int refused, int failed, long millis, long throttledMillis,
            List<String> refusals) {

        public double writesPerSecond() {
            return millis == 0 ? 0 : wrote * 1000.0 / millis;
        }

        /** Non-zero only when a fact failed with a 5xx (a transport failure throws instead). */
        public int exitCode() {
            return failed > 0 ? 1 : 0;
        }

        /** Every fact's request, written or not, per second (the measure of a no-op run). */
        public double requestsPerSecond() {
            return millis == 0 ? 0 : (wrote + skipped + refused + failed) * 1000.0 / millis;
        }

        public String summary() {
            return String.format(java.util.Locale.ROOT,
                    "%d fact(s): %d wrote, %d skipped, %d refused, %d failed (5xx) in %.1f s (%.1f writes/s, %.1f requests/s)",
                    wrote + skipped + refused + failed, wrote, skipped, refused, failed, millis / 1000.0,
                    writesPerSecond(), requestsPerSecond())
                    + (throttledMillis > 0 ? String.format(java.util.Locale.ROOT,
                            "; %.1f s of it waiting on the gateway's rate limit (429)", throttledMillis / 1000.0) : "");
        }
    }

    private final DemoData http;
    private final PrintStream log;

    public HistoryImport(DemoData http, PrintStream log) {
        this.http = http;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        String gateway = "http://localhost:8080";
        String keycloak = "http://localhost:8180";
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gateway = args[++i];
                case "--keycloak" -> keycloak = args[++i];
                case "--file" -> file = Path.of(args[++i]);
                default -> {
                    if (args[i].startsWith("-") || file != null) {
                        System.err.println("usage: HistoryImport [--gateway URL] [--keycloak URL] [[--file] record.json]");
                        System.exit(2);
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        HistoryImport history = new HistoryImport(new DemoData(URI.create(gateway), URI.create(keycloak), System.out),
                System.out);
        JsonNode record;
        try {
            record = file == null ? readDefault() : JSON.readTree(file.toFile());
            facts(record);
        } catch (IOException | IllegalArgumentException e) {
            System.out.println("[history] the record file cannot be used: " + e.getMessage());
            System.exit(2);
            return;
        }
        Result result;
        try {
            result = history.run(record);
        } catch (IOException | IllegalStateException e) {
            // the gateway or Keycloak cannot be reached, or Keycloak refuses the importer's token
            System.out.println("[history] stopped: " + e);
            System.exit(1);
            return;
        }
        System.exit(result.exitCode());
    }

    /** The file shipped with the demo module. */
    public static JsonNode readDefault() throws IOException {
        try (InputStream in = HistoryImport.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException(DEFAULT_RESOURCE + " is not on the classpath");
            }
            return JSON.readTree(in);
        }
    }

    /**
     * The POSTs of a record file, in load order. A fact without {@code sources}, or without a field its path needs,
     * is an error of the file ({@link IllegalArgumentException} naming it): nothing is sent then.
     */
    static List<Fact> facts(JsonNode file) {
        Set<String> documentation = new LinkedHashSet<>(List.of("regionNameAsInSource", "comment"));
        file.path("documentationFields").forEach(f -> documentation.add(f.asText()));
        List<Fact> out = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            JsonNode facts = file.path(kind.array);
            if (!facts.isMissingNode() && !facts.isArray()) {
                throw new IllegalArgumentException(kind.array + " must be an array");
            }
            int i = 0;
            for (JsonNode fact : facts) {
                String at = kind.array + "[" + i++ + "]";
                if (!fact.isObject()) {
                    throw new IllegalArgumentException(at + " must be an object");
                }
                if (!fact.path("sources").isArray() || fact.path("sources").isEmpty()) {
                    throw new IllegalArgumentException(at + " names no sources");
                }
                ObjectNode body = fact.deepCopy();
                String path = kind.path;
                for (String field : kind.pathFields()) {
                    JsonNode value = body.remove(field);
                    if (value == null || value.isNull() || value.asText().isBlank()) {
                        throw new IllegalArgumentException(at + " has no " + field + " (its path needs it)");
                    }
                    path = path.replace("{" + field + "}", value.asText());
                }
                documentation.forEach(body::remove);
                out.add(new Fact(kind, kind.label + " " + describe(kind, fact), path, body));
            }
        }
        return out;
    }

    /** What a fact is about, for the output: year, region or number. */
    static String describe(Kind kind, JsonNode fact) {
        StringBuilder out = new StringBuilder();
        if (kind == Kind.RESULT_LETTERS) {
            out.append(fact.path("number").asText()).append(" of ").append((fact.has("issuedOn") ? fact.path("issuedOn") : fact.path("date")).asText());
            return out.toString();
        }
        if (fact.hasNonNull("programmeYear")) {
            out.append(fact.get("programmeYear").asText());
        } else if (fact.path("selfMade").asBoolean(false)) {
            out.append("self-made");
        }
        if (fact.hasNonNull("track") && kind != Kind.COHORT_MEMBERS && kind != Kind.RECORDED_ASSESSMENTS) {
            out.append(' ').append(fact.get("track").asText());
        }
        if (fact.hasNonNull("regionCode")) {
            out.append(' ').append(fact.get("regionCode").asText());
        }
        if (fact.hasNonNull("regionNameAsInSource")) {
            out.append(" (").append(fact.get("regionNameAsInSource").asText()).append(')');
        }
        if (fact.hasNonNull("outcome")) {
            out.append(' ').append(fact.get("outcome").asText());
        }
        return out.toString().strip();
    }

    /** 201 = wrote (unless replayed), 200 = skipped, other 4xx = refused, 5xx (and anything else) = failed. */
    static Outcome outcome(int status, boolean replayed) {
        if (status == 201) {
            return replayed ? Outcome.SKIPPED : Outcome.WROTE;
        }
        if (status == 200) {
            return Outcome.SKIPPED;
        }
        if (status >= 400 && status < 500) {
            return Outcome.REFUSED;
        }
        return Outcome.FAILED;
    }

    /** Why a write was refused: the problem's detail (or title) and the fields it names, else the body as it came. */
    static String why(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem == null || !problem.isObject()) {
                return body;
            }
            StringBuilder out = new StringBuilder(problem.path("detail").asText(problem.path("title").asText("")));
            List<String> fields = new ArrayList<>();
            for (JsonNode v : problem.path("violations")) {
                fields.add(v.path("field").asText() + ": " + v.path("message").asText());
            }
            if (!fields.isEmpty()) {
                out.append(" [").append(String.join("; ", fields)).append(']');
            }
            return out.isEmpty() ? body : out.toString();
        } catch (IOException e) {
            return body;
        }
    }

    /** A 429's {@code Retry-After} (whole seconds) in milliseconds: 1 s when absent or not a number, at most 60 s. */
    static long retryAfterMillis(String header) {
        long seconds;
        try {
            seconds = header == null ? 1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            seconds = 1;
        }
        return Math.max(0, Math.min(seconds, MAX_RETRY_AFTER_SECONDS)) * 1000;
    }

    /**
     * Posts every fact of the file; throws {@link IOException} on a transport failure. A {@code 429} of the gateway's
     * rate limit is waited out ({@code Retry-After}) and the fact sent again.
     */
    public Result run(JsonNode file) throws IOException, InterruptedException {
        List<Fact> facts = facts(file);
        log.printf("[history] %d fact(s) to record as importer%n", facts.size());
        int[] counts = new int[Outcome.values().length];
        List<String> refusals = new ArrayList<>();
        long start = System.nanoTime();
        long throttled = 0;
        for (Fact fact : facts) {
            String body = JSON.writeValueAsString(fact.body());
            HttpResponse<String> response = http.send("importer", "POST", fact.path(), body, null, fact.idempotencyKey());
            // the gateway's per-caller rate limit (a token bucket per route): wait as it says and send the fact again
            for (int retry = 0; response.statusCode() == 429 && retry < MAX_RATE_LIMIT_RETRIES; retry++) {
                long wait = retryAfterMillis(response.headers().firstValue("Retry-After").orElse(null));
                throttled += wait;
                Thread.sleep(wait); // pacing a running suite's rate limit (not a test)
                response = http.send("importer", "POST", fact.path(), body, null, fact.idempotencyKey());
            }
            boolean replayed = response.headers().firstValue("Idempotent-Replayed").map("true"::equalsIgnoreCase)
                    .orElse(false);
            Outcome outcome = outcome(response.statusCode(), replayed);
            counts[outcome.ordinal()]++;
            switch (outcome) {
                case WROTE, SKIPPED -> log.printf("[history] %-7s %s -> %d%n", outcome == Outcome.WROTE ? "wrote" : "skipped",
                        fact.label(), response.statusCode());
                default -> {
                    String line = fact.label() + " -> " + response.statusCode() + ": " + why(response.body());
                    log.printf("[history] %-7s %s%n", outcome == Outcome.REFUSED ? "refused" : "FAILED", line);
                    if (outcome == Outcome.REFUSED) {
                        refusals.add(line);
                    }
                }
            }
        }
        Result result = new Result(counts[Outcome.WROTE.ordinal()], counts[Outcome.SKIPPED.ordinal()],
                counts[Outcome.REFUSED.ordinal()], counts[Outcome.FAILED.ordinal()],
                (System.nanoTime() - start) / 1_000_000, throttled, List.copyOf(refusals));
        log.println("[history] " + result.summary());
        refusals.forEach(r -> log.println("[history] refused: " + r));
        return result;
    }
}
