package id.kotacerdas.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue ({@code problems/catalogue.json}) has every problem type the suite's main sources emit, and nothing
 * else. The test runs in {@code gateway/}, so {@code ..} is the repository: it reads every {@code .java} file under
 * {@code ../<module>/src/main/java} and {@code ../platform/<module>/src/main/java} and collects the slugs given as
 * string literals where a problem is made. It looks for:
 * <ol>
 * <li>a status literal (4xx, 5xx) as an argument followed by a slug literal as the next argument:
 * {@code new ProblemException(409, "conflict", ...)}, {@code ProblemMappers.respond(request, 409, "conflict", ...)},
 * {@code Problems.send(ctx, 404, "not-found", ...)}, {@code Problems.of(request, 415, "unsupported-media-type", ...)};</li>
 * <li>a full type URI in a literal or a text block (the OpenAPI examples): {@code https://kotacerdas.id/problems/<slug>};</li>
 * <li>platform-web's {@code HttpLayerProblems} table of statuses: {@code new String[] { "<slug>", "<title>" }};</li>
 * <li>a constant holding a slug: {@code UNAVAILABLE_TYPE = "registry-unavailable"} (a name ending in {@code TYPE});</li>
 * <li>platform-rest's OpenAPI example builder: {@code problem("<slug>", ...)}.</li>
 * </ol>
 * Not found by it (and so not in the catalogue): slugs built at run time, platform-rest's {@code slug(reason phrase)}
 * for a {@code WebApplicationException} (in practice 400, 404, 405, 406, 415: slugs the table of 3. already has) and
 * {@code HttpLayerProblems}'s {@code "http-" + status} for a status it has no name for. A new way of making a
 * problem needs a pattern here.
 */
class ProblemCatalogueCoverageTest {

    static final Path REPOSITORY = Path.of("..");
    static final String SLUG = "([a-z][a-z0-9]*(?:-[a-z0-9]+)*)";
    static final List<Pattern> EMITTED = List.of(
            Pattern.compile("[(,]\\s*[45]\\d\\d\\s*,\\s*\"" + SLUG + "\""),
            Pattern.compile("kotacerdas\\.id/problems/" + SLUG + "\\b"),
            Pattern.compile("new String\\[]\\s*\\{\\s*\"" + SLUG + "\"\\s*,"),
            Pattern.compile("\\w*TYPE\\s*=\\s*\"" + SLUG + "\""),
            Pattern.compile("\\bproblem\\(\\s*\"" + SLUG + "\""));

    /** Slug → the source modules that emit it ({@code gateway}, {@code region-service}, {@code platform/core}, ...). */
    static Map<String, Set<String>> emitted() throws IOException {
        List<Path> sources = new ArrayList<>();
        try (Stream<Path> modules = Files.list(REPOSITORY)) {
            modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(sources::add);
        }
        try (Stream<Path> modules = Files.list(REPOSITORY.resolve("platform"))) {
            modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).forEach(sources::add);
        }
        Map<String, Set<String>> found = new TreeMap<>();
        for (Path root : sources) {
            String module = REPOSITORY.relativize(root.getParent().getParent().getParent()).toString().replace('\\', '/');
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(file);
                    for (Pattern pattern : EMITTED) {
                        Matcher m = pattern.matcher(text);
                        while (m.find()) {
                            found.computeIfAbsent(m.group(1), s -> new TreeSet<>()).add(module);
                        }
                    }
                }
            }
        }
        return found;
    }

    static JsonObject catalogue() {
        try (InputStream in = ProblemCatalogueCoverageTest.class.getResourceAsStream("/problems/catalogue.json")) {
            return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, JsonObject> entries() {
        Map<String, JsonObject> entries = new TreeMap<>();
        catalogue().getJsonArray("problems").forEach(e -> entries.put(((JsonObject) e).getString("slug"), (JsonObject) e));
        return entries;
    }

    @Test
    void theScanSeesTheServicesThePlatformAndTheGateway() throws IOException {
        Map<String, Set<String>> emitted = emitted();
        // a scan that reads nothing would pass the next test with an empty catalogue
        assertThat(emitted.get("validation")).contains("region-service", "assessment-service", "agreement-service",
                "masterplan-service", "platform/web");
        assertThat(emitted.get("too-many-requests")).containsExactly("gateway");
        assertThat(emitted.get("registry-unavailable")).containsExactly("platform/registry");
        assertThat(emitted.get("request-timeout")).containsExactly("platform/web");
        assertThat(emitted).hasSizeGreaterThan(30);
    }

    @Test
    void theCatalogueHasEveryEmittedTypeAndNoOther() throws IOException {
        Set<String> emitted = emitted().keySet();
        Set<String> catalogued = entries().keySet();
        Set<String> missing = new TreeSet<>(emitted);
        missing.removeAll(catalogued);
        Set<String> unused = new TreeSet<>(catalogued);
        unused.removeAll(emitted);
        assertSoftly(softly -> {
            softly.assertThat(missing).as("emitted but not in the catalogue").isEmpty();
            softly.assertThat(unused).as("in the catalogue but emitted nowhere").isEmpty();
        });
    }

    @Test
    void aServiceOrTheGatewayThatEmitsATypeItselfIsNamedByIt() throws IOException {
        Map<String, JsonObject> entries = entries();
        emitted().forEach((slug, modules) -> modules.stream().filter(m -> !m.startsWith("platform/"))
                .filter(m -> entries.containsKey(slug)) // a missing entry is the test above's
                .forEach(module -> assertThat(entries.get(slug).getJsonArray("emittedBy").getList())
                        .as(slug + " emittedBy").contains(module)));
    }

    @Test
    void everyEntryIsComplete() {
        entries().forEach((slug, entry) -> {
            assertThat(entry.getString("title")).as(slug).isNotBlank();
            assertThat(entry.getString("meaning")).as(slug).isNotBlank();
            assertThat(entry.getString("clientAction")).as(slug).isNotBlank();
            assertThat(entry.getJsonArray("status").getList()).as(slug).isNotEmpty()
                    .allSatisfy(s -> assertThat((Integer) s).isBetween(400, 599));
            assertThat(entry.getJsonArray("emittedBy").getList()).as(slug).isNotEmpty();
        });
    }
}
