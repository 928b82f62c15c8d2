package id.kotacerdas.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays a story file (e.g. {@code demo/programme-2022-2023.json}) through the gateway, as the people in it would
 * ({@link #main} first imports the public record 2017–2024 with {@link HistoryImport}, unless {@code --no-history}):
 * each step is one API call made with a real Keycloak token of a demo account. The file is the documented data;
 * this class only knows how to make the calls.
 * <p>
 * Loading is repeatable: a section whose {@code loadedWhen} check already holds is not written again (only its
 * {@code find} steps run, to learn the ids later sections use), so a second load changes nothing. Write steps carry a
 * deterministic {@code Idempotency-Key} where the endpoint takes one, so a retried section is not doubled either.
 * <p>
 * A step: {@code as} (demo account; {@code integrator} = the client-credentials client), {@code method}, {@code path}
 * and {@code body} with {@code ${name}} placeholders, {@code ifMatch} (a path whose current {@code ETag} is sent as
 * {@code If-Match}), {@code idempotent} (send an {@code Idempotency-Key}), {@code expect} (statuses, default 2xx), {@code already} (statuses among them that mean
 * the fact was already there: not counted as a write),
 * {@code save} (name → JSON pointer into the answer; a segment {@code items[year=2023]} picks an array element), {@code await} (repeat the GET until the pointer has the value:
 * for facts that arrive through events), {@code find} (a read that also runs in loaded sections).
 */
public final class DemoData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final Duration AWAIT = Duration.ofSeconds(90);

    private final URI gateway;
    private final URI keycloak;
    private final PrintStream log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> vars = new LinkedHashMap<>();
    private final Map<String, Token> tokens = new HashMap<>();
    private Path baseDir = Path.of(".");

    private record Token(String value, Instant fetched) {
    }

    /** What a load did; {@code refused}: the sections a refusal stopped (only with {@link #keepGoing}), with why. */
    public record Result(int sectionsLoaded, int sectionsAlreadyThere, int writes, Map<String, String> ids,
            List<String> refused) {

        public Result(int sectionsLoaded, int sectionsAlreadyThere, int writes, Map<String, String> ids) {
            this(sectionsLoaded, sectionsAlreadyThere, writes, ids, List.of());
        }
    }

    /** A step answered with an unexpected status: the section stops there. */
    static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    private boolean keepGoing;

    /**
     * With {@code true}, a refused step stops its section only: the refusal (the step and the answer's problem) is
     * reported and the load goes on with the next section (an import of many independent facts). Default: the first
     * refusal stops the load (a story whose sections build on each other).
     */
    public DemoData keepGoing(boolean keepGoing) {
        this.keepGoing = keepGoing;
        return this;
    }

    public DemoData(URI gateway, URI keycloak, PrintStream log) {
        this.gateway = gateway;
        this.keycloak = keycloak;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        String gateway = "http://localhost:8080";
        String keycloak = "http://localhost:8180";
        Path file = Path.of("demo/programme-2022-2023.json");
        boolean keepGoing = false;
        boolean history = true;
        Path historyFile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gateway" -> gateway = args[++i];
                case "--keycloak" -> keycloak = args[++i];
                case "--file" -> file = Path.of(args[++i]);
                case "--keep-going" -> keepGoing = true;
                case "--history" -> historyFile = Path.of(args[++i]);
                case "--no-history" -> history = false;
                default -> {
                    System.err.println("usage: DemoData [--gateway URL] [--keycloak URL] [--file story.json] [--keep-going]"
                            + " [--history record.json | --no-history]");
                    System.exit(2);
                }
            }
        }
        DemoData demo = new DemoData(URI.create(gateway), URI.create(keycloak), System.out).keepGoing(keepGoing);
        if (history) {
            // the public record first (HistoryImport, idempotent): the story builds on it and does not repeat it
            HistoryImport.Result imported = new HistoryImport(demo, System.out).run(historyFile == null
                    ? HistoryImport.readDefault() : JSON.readTree(historyFile.toFile()));
            if (imported.exitCode() != 0) {
                System.out.println("the import of the public record failed (5xx): the story is not loaded");
                System.exit(imported.exitCode());
            }
        }
        Result result = demo.load(file);
        System.out.printf("%d section(s) loaded, %d already there, %d refused, %d write(s)%n", result.sectionsLoaded(),
                result.sectionsAlreadyThere(), result.refused().size(), result.writes());
        result.refused().forEach(r -> System.out.println("refused: " + r));
        if (!result.refused().isEmpty()) {
            System.exit(3);
        }
    }

    /** Loads the story file; throws {@link IllegalStateException} naming the step when an answer is not the expected one. */
    public Result load(Path file) throws IOException, InterruptedException {
        JsonNode story = JSON.readTree(file.toFile());
        baseDir = file.toAbsolutePath().getParent();
        int loaded = 0;
        int there = 0;
        int writes = 0;
        List<String> refused = new java.util.ArrayList<>();
        for (JsonNode section : story.get("sections")) {
            String name = section.get("name").asText();
            boolean done = section.has("loadedWhen") && holds(section.get("loadedWhen"));
            log.printf("[demo] %s %s%n", done ? "already there:" : "loading:", name);
            int index = 0;
            int written = 0;
            boolean stopped = false;
            for (JsonNode step : section.get("steps")) {
                index++;
                boolean find = step.path("find").asBoolean(false);
                if (done && !find) {
                    continue;
                }
                int status;
                try {
                    status = run(name + " #" + index, step);
                } catch (Refused e) {
                    if (!keepGoing) {
                        throw e;
                    }
                    log.printf("[demo]   refused: %s%n", e.getMessage());
                    refused.add(e.getMessage());
                    stopped = true;
                    break;
                }
                if (!find && !"GET".equals(step.path("method").asText("GET")) && status / 100 == 2
                        && !statuses(step, "already").contains(status)) {
                    written++;
                }
            }
            writes += written;
            // a section that wrote nothing (every fact already there) counts as already there
            if (stopped) {
                continue;
            }
            if (done || written == 0) {
                there++;
            } else {
                loaded++;
            }
        }
        return new Result(loaded, there, writes, Map.copyOf(vars), List.copyOf(refused));
    }

    private boolean holds(JsonNode check) throws IOException, InterruptedException {
        HttpResponse<String> response = send(check.path("as").asText("auditor"), "GET", substitute(check.get("path").asText()),
                null, null, null);
        if (response.statusCode() != 200) {
            return false;
        }
        return matches(JSON.readTree(response.body()), check);
    }

    private static final Pattern FILTER = Pattern.compile("([^/\\[]+)\\[([^=\\]]+)=([^\\]]*)]");

    /**
     * A JSON pointer, where a segment may also be {@code name[field=value]}: the first element of the array
     * {@code name} whose {@code field} is {@code value} (e.g. {@code /items[year=2023]/id}).
     */
    static JsonNode select(JsonNode node, String pointer) {
        JsonNode current = node;
        StringBuilder plain = new StringBuilder();
        for (String segment : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/")) {
            Matcher m = FILTER.matcher(segment);
            if (!m.matches()) {
                plain.append('/').append(segment);
                continue;
            }
            JsonNode array = current.at(plain.append('/').append(m.group(1)).toString());
            plain.setLength(0);
            current = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            for (JsonNode item : array) {
                if (item.path(m.group(2)).asText().equals(m.group(3))) {
                    current = item;
                    break;
                }
            }
        }
        return plain.length() == 0 ? current : current.at(plain.toString());
    }

    private static boolean matches(JsonNode body, JsonNode check) {
        JsonNode value = select(body, check.get("pointer").asText());
        if (check.has("atLeast")) {
            return value.isNumber() && value.asDouble() >= check.get("atLeast").asDouble();
        }
        return !value.isMissingNode() && value.asText().equals(check.get("equals").asText());
    }

    /** Runs one step; returns the status of its answer. */
    private int run(String label, JsonNode step) throws IOException, InterruptedException {
        String method = step.path("method").asText("GET");
        String path = substitute(step.get("path").asText());
        String as = step.path("as").asText("auditor");
        String body = step.has("body") ? JSON.writeValueAsString(substituteAll(body(step.get("body")))) : null;
        String ifMatch = null;
        if (step.has("ifMatch")) {
            HttpResponse<String> current = send(as, "GET", substitute(step.get("ifMatch").asText()), null, null, null);
            ifMatch = current.headers().firstValue("ETag")
                    .orElseThrow(() -> new IllegalStateException(label + ": no ETag on " + step.get("ifMatch").asText()
                            + " (" + current.statusCode() + " " + current.body() + ")"));
        }
        String key = step.path("idempotent").asBoolean(false)
                ? UUID.nameUUIDFromBytes((label + method + path + body).getBytes(StandardCharsets.UTF_8)).toString()
                : null;
        HttpResponse<String> response;
        if (step.has("await")) {
            Instant deadline = Instant.now().plus(AWAIT);
            while (true) {
                response = send(as, method, path, body, ifMatch, key);
                if (response.statusCode() == 200 && matches(JSON.readTree(response.body()), step.get("await"))) {
                    break;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(label + ": " + path + " did not reach " + step.get("await") + " in "
                            + AWAIT.toSeconds() + " s; last answer " + response.statusCode() + " " + response.body());
                }
                Thread.sleep(500); // polling a running suite for an event-driven fact (not a test)
            }
        } else {
            response = send(as, method, path, body, ifMatch, key);
        }
        List<Integer> expected = expected(step);
        if (expected.isEmpty() ? response.statusCode() / 100 != 2 : !expected.contains(response.statusCode())) {
            throw new Refused(label + " (" + step.path("do").asText("") + "): " + method + " " + path + " as " + as
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        log.printf("[demo]   %s %s %s -> %d%n", as, method, path, response.statusCode());
        if (step.has("save")) {
            JsonNode answer = JSON.readTree(response.body());
            for (Iterator<Map.Entry<String, JsonNode>> it = step.get("save").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> save = it.next();
                JsonNode value = select(answer, save.getValue().asText());
                if (value.isMissingNode() || value.isNull()) {
                    throw new IllegalStateException(label + ": nothing at " + save.getValue().asText() + " in " + response.body());
                }
                vars.put(save.getKey(), value.asText());
            }
        }
        return response.statusCode();
    }

    /** A step's body: inline, or {@code "@name.json"}, a file beside the story file. */
    private JsonNode body(JsonNode body) throws IOException {
        if (body.isTextual() && body.asText().startsWith("@")) {
            return JSON.readTree(baseDir.resolve(body.asText().substring(1)).toFile());
        }
        return body.deepCopy();
    }

    /** The statuses of a step's {@code field} (e.g. {@code already}: answers that mean the fact was already there). */
    private static List<Integer> statuses(JsonNode step, String field) {
        List<Integer> statuses = new java.util.ArrayList<>();
        step.path(field).forEach(s -> statuses.add(s.asInt()));
        return statuses;
    }

    private static List<Integer> expected(JsonNode step) {
        if (!step.has("expect")) {
            return List.of();
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        step.get("expect").forEach(s -> statuses.add(s.asInt()));
        return statuses;
    }

    /**
     * One call through the gateway as {@code as} (a demo account, or a machine client: {@code integrator},
     * {@code importer}); {@code ifMatch} and {@code key} ({@code Idempotency-Key}) may be null. Also used by
     * {@link HistoryImport}.
     */
    HttpResponse<String> send(String as, String method, String path, String body, String ifMatch, String key)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(as)).header("Accept", "application/json, application/problem+json")
                .header("X-Request-Id", "demo-" + UUID.randomUUID());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A demo account's token (password = user name), or a machine client's (client credentials: {@code integrator}
     * = {@code kotacerdas-integrator}, {@code importer} = {@code kotacerdas-importer}, whose secret is
     * {@code IMPORTER_CLIENT_SECRET} or the realm file's demo secret), fetched again after 4 min.
     */
    private String token(String user) throws IOException, InterruptedException {
        Token cached = tokens.get(user);
        if (cached != null && cached.fetched().isAfter(Instant.now().minus(Duration.ofMinutes(4)))) {
            return cached.value();
        }
        String form = tokenForm(user, System.getenv());
        if (form == null) {
            form = "grant_type=password&client_id=kotacerdas-cli&username=" + enc(user) + "&password=" + enc(user);
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(keycloak.resolve(
                "/realms/kotacerdas/protocol/openid-connect/token")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        String value = JSON.readTree(response.body()).get("access_token").asText();
        tokens.put(user, new Token(value, Instant.now()));
        return value;
    }

    /** The token request of a machine client (client credentials); {@code null} for a person's account. */
    static String tokenForm(String user, Map<String, String> env) {
        return switch (user) {
            case "integrator" -> "grant_type=client_credentials&client_id=kotacerdas-integrator&client_secret=integrator-secret";
            case "importer" -> "grant_type=client_credentials&client_id=kotacerdas-importer&client_secret="
                    + enc(env.getOrDefault("IMPORTER_CLIENT_SECRET", "importer-secret"));
            default -> null;
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String substitute(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("${" + m.group(1) + "} is not known yet (saved by an earlier step?)");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    private JsonNode substituteAll(JsonNode node) {
        if (node.isTextual()) {
            return new TextNode(substitute(node.asText()));
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String f : names) {
                object.set(f, substituteAll(object.get(f)));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substituteAll(array.get(i)));
            }
        }
        return node;
    }
}
