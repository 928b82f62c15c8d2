package id.kotacerdas.apilint.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The event contract as an integrator reads it, for every service: each JSON Schema is named by one absolute
 * {@code $id} (where the gateway serves it, the {@code dataschema} of its events), leaves every object open to
 * properties a later v1 adds, and carries an example that validates; each AsyncAPI message of a schema carries an
 * example whose payload validates against it and whose headers name the event's type and schema; every type a service
 * publishes has such a message.
 */
class EventContractTest {

    static final Path ROOT = Path.of(System.getProperty("kotacerdas.root", "..")).toAbsolutePath().normalize();
    static final String EVENTS = "src/main/resources/META-INF/resources/events";
    static final Map<String, String> ROUTES = Map.of("region-service", "region", "assessment-service", "assessment",
            "agreement-service", "agreement", "masterplan-service", "masterplan");
    static final String BASE = "https://kotacerdas.id/events/";
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new YAMLMapper();
    static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static List<String> schemas() throws IOException {
        List<String> all = new ArrayList<>();
        for (String service : new TreeSet<>(ROUTES.keySet())) {
            try (Stream<Path> files = Files.list(ROOT.resolve(service).resolve(EVENTS).resolve("schemas"))) {
                files.filter(f -> f.toString().endsWith(".json")).sorted().forEach(f -> all.add(service + "/" + f.getFileName()));
            }
        }
        return all;
    }

    static List<String> services() {
        return new ArrayList<>(new TreeSet<>(ROUTES.keySet()));
    }

    static JsonNode schema(String serviceFile) {
        String service = serviceFile.substring(0, serviceFile.indexOf('/'));
        return read(JSON, ROOT.resolve(service).resolve(EVENTS).resolve("schemas").resolve(serviceFile.substring(service.length() + 1)));
    }

    static String id(String serviceFile) {
        String service = serviceFile.substring(0, serviceFile.indexOf('/'));
        return BASE + ROUTES.get(service) + "/schemas/" + serviceFile.substring(service.length() + 1);
    }

    static List<String> validate(JsonNode schema, JsonNode instance) {
        JsonSchema compiled = FACTORY.getSchema(schema, CONFIG);
        Set<ValidationMessage> errors = compiled.validate(instance);
        return errors.stream().map(ValidationMessage::toString).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void theSchemaIsNamedByTheAbsoluteUriTheGatewayServesItAt(String schema) {
        assertThat(schema(schema).path("$id").asText()).as(schema).isEqualTo(id(schema));
    }

    @Test
    void everyIdNamesExactlyOneSchema() throws IOException {
        Map<String, String> byId = new HashMap<>();
        for (String schema : schemas()) {
            String previous = byId.put(schema(schema).path("$id").asText(), schema);
            assertThat(previous).as("the $id of %s also names %s", schema, previous).isNull();
        }
        assertThat(byId).hasSizeGreaterThanOrEqualTo(47);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void noObjectForbidsThePropertiesALaterV1Adds(String schema) {
        List<String> closed = new ArrayList<>();
        closed("", schema(schema), closed);
        assertThat(closed).as("%s: objects with additionalProperties false (a v1 event may add properties; a consumer "
                + "validating with this schema must accept them)", schema).isEmpty();
    }

    static void closed(String at, JsonNode node, List<String> closed) {
        if (node.isObject()) {
            if (node.path("additionalProperties").isBoolean() && !node.get("additionalProperties").asBoolean()) {
                closed.add(at.isEmpty() ? "/" : at);
            }
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("examples")) {
                    closed(at + "/" + SchemaEvolution.escape(e.getKey()), e.getValue(), closed);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                closed(at + "/" + i, node.get(i), closed);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void theSchemaCarriesAnExampleThatValidates(String schema) {
        JsonNode node = schema(schema);
        assertThat(node.path("examples").isArray() && !node.path("examples").isEmpty())
                .as("%s has an example of a whole event (top-level examples)", schema).isTrue();
        for (JsonNode example : node.get("examples")) {
            assertThat(validate(node, example)).as("%s: its example validates", schema).isEmpty();
        }
    }

    @Test
    void theValidatorRefusesAnExampleThatDoesNotFit() {
        // the check above can fail: a required property missing, an enum value unknown, a date malformed
        JsonNode schema = schema("assessment-service/RegionSelected.v1.json");
        com.fasterxml.jackson.databind.node.ObjectNode example = schema.get("examples").get(0).deepCopy();
        assertThat(validate(schema, example)).isEmpty();
        example.remove("programmeYear");
        example.put("track", "NATIONAL");
        example.put("confirmedAt", "30 May 2022");
        assertThat(String.join("\n", validate(schema, example))).contains("programmeYear").contains("track")
                .contains("confirmedAt");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void everyMessageOfASchemaCarriesAnExampleThatValidatesAndNamesItsTypeAndSchema(String service) {
        JsonNode asyncapi = read(YAML, ROOT.resolve(service).resolve(EVENTS).resolve("asyncapi.yaml"));
        JsonNode headersSchema = asyncapi.at("/components/schemas/CloudEventHeaders");
        Set<String> exemplified = new TreeSet<>();
        int messages = 0;
        for (var it = asyncapi.at("/components/messages").fields(); it.hasNext();) {
            var message = it.next();
            String ref = message.getValue().at("/payload/$ref").asText("");
            if (!ref.startsWith("schemas/")) {
                continue; // what a consumer reads of another service's event: the producer's document is binding
            }
            messages++;
            String where = service + " message " + message.getKey();
            JsonNode schema = schema(service + "/" + ref.substring("schemas/".length()));
            JsonNode examples = message.getValue().path("examples");
            assertThat(examples.isArray() && !examples.isEmpty()).as("%s has examples", where).isTrue();
            for (JsonNode example : examples) {
                assertThat(validate(schema, example.path("payload"))).as("%s: the example's payload validates against %s",
                        where, ref).isEmpty();
                JsonNode headers = example.path("headers");
                String type = headers.path("ce_type").asText();
                String name = type.replaceFirst("^id\\.kotacerdas\\.[a-z]+\\.", "").replaceFirst("\\.v1$", "");
                String producerId = BASE + type.split("\\.")[2] + "/schemas/" + name + ".v1.json";
                assertThat(headers.path("ce_dataschema").asText()).as("%s: ce_dataschema is the producer's schema", where)
                        .isEqualTo(producerId);
                if (type.startsWith("id.kotacerdas." + ROUTES.get(service) + ".")) {
                    assertThat(schema.path("$id").asText()).as("%s: the schema of its own event", where).isEqualTo(producerId);
                    assertThat(validate(headersSchema, headers)).as("%s: the example's headers", where).isEmpty();
                    exemplified.add(type);
                }
            }
        }
        assertThat(messages).as(service + " documents its events").isPositive();
        Set<String> published = new TreeSet<>();
        headersSchema.at("/properties/ce_type/enum").forEach(t -> published.add(t.asText()));
        assertThat(exemplified).as("%s: every type it publishes has a message with an example", service)
                .containsAll(published);
    }

    static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
