package id.kotacerdas.apilint.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event schema as released ({@code src/test/resources/events-baseline/<service>/}, the last release's copy)
 * against the schema the service serves now ({@code <service>/src/main/resources/META-INF/resources/events/schemas/}):
 * no released schema is gone, and each one changed only as the v1 evolution rule allows ({@link SchemaEvolution}). A
 * refused change fails here, naming the schema and the JSON pointer of every break. A new schema (a new event type, or
 * a v2 beside its v1) needs no baseline; it joins the baseline when it is released.
 */
class EventSchemaEvolutionTest {

    static final Path ROOT = Path.of(System.getProperty("kotacerdas.root", "..")).toAbsolutePath().normalize();
    static final Path BASELINE = ROOT.resolve("api-lint/src/test/resources/events-baseline");
    static final String SCHEMAS = "src/main/resources/META-INF/resources/events/schemas";
    static final ObjectMapper JSON = new ObjectMapper();

    /** {@code <service>/<file>} of every released schema. */
    static List<String> released() throws IOException {
        try (Stream<Path> files = Files.walk(BASELINE)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .map(f -> BASELINE.relativize(f).toString().replace('\\', '/')).sorted().toList();
        }
    }

    @Test
    void theBaselineHoldsEveryServicesReleasedSchemas() throws IOException {
        List<String> released = released();
        assertThat(released).hasSizeGreaterThanOrEqualTo(46);
        assertThat(released.stream().map(r -> r.substring(0, r.indexOf('/'))).distinct())
                .containsExactlyInAnyOrder("region-service", "assessment-service", "agreement-service", "masterplan-service");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void theReleasedSchemaEvolvedOnlyAsV1Allows(String released) throws IOException {
        String service = released.substring(0, released.indexOf('/'));
        String file = released.substring(released.indexOf('/') + 1);
        Path current = ROOT.resolve(service).resolve(SCHEMAS).resolve(file);
        assertThat(current).as("%s: the released schema %s is gone (a released v1 event type stays; a replacement is a "
                + "new type or a v2 beside it)", released, file).exists();
        List<SchemaEvolution.Break> breaks = SchemaEvolution.breaks(read(BASELINE.resolve(released)), read(current));
        assertThat(breaks).as("%s changed in ways a v1 event may not (each needs a v2 or must be undone):%n%s", released,
                breaks.stream().map(b -> "  " + released + " " + b).collect(Collectors.joining("\n"))).isEmpty();
    }

    @Test
    void aRefusedChangeFailsNamingTheSchemaAndThePointer() throws IOException {
        // the check above, on a released schema with one property removed: it must fail, and say where
        String released = "assessment-service/RegionSelected.v1.json";
        JsonNode current = read(ROOT.resolve("assessment-service").resolve(SCHEMAS).resolve("RegionSelected.v1.json"));
        ((com.fasterxml.jackson.databind.node.ObjectNode) current.get("properties")).remove("rank");
        List<SchemaEvolution.Break> breaks = SchemaEvolution.breaks(read(BASELINE.resolve(released)), current);
        assertThat(breaks).extracting(Object::toString).contains("/properties/rank: property removed");
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    /** Every schema the services serve now, {@code <service>/<file>}. */
    static List<String> current() throws IOException {
        List<String> all = new ArrayList<>();
        for (String service : List.of("region-service", "assessment-service", "agreement-service", "masterplan-service")) {
            try (Stream<Path> files = Files.list(ROOT.resolve(service).resolve(SCHEMAS))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted()
                        .forEach(f -> all.add(service + "/" + f.getFileName()));
            }
        }
        return all;
    }
}
