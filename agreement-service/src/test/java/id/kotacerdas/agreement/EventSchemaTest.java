package id.kotacerdas.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.agreement.messaging.AgreementEvents;
import id.kotacerdas.agreement.messaging.RegionSelectedHandler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON schemas describe the payload records exactly: the same properties at every level, of the same
 * JSON types, enum values the payload can take, and nothing required that the payload lacks. A change to a payload
 * record that is not made to its schema (or the other way round) fails here.
 */
class EventSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static List<Arguments> payloads() {
        return List.of(
                Arguments.of("MouDrafted.v1.json", AgreementEvents.MouDrafted.class),
                Arguments.of("MouScheduled.v1.json", AgreementEvents.MouScheduled.class),
                Arguments.of("MouSigned.v1.json", AgreementEvents.MouSigned.class),
                Arguments.of("MouAmended.v1.json", AgreementEvents.MouAmended.class),
                Arguments.of("MouExpired.v1.json", AgreementEvents.MouExpired.class),
                Arguments.of("MouTerminated.v1.json", AgreementEvents.MouTerminated.class),
                Arguments.of("MouWithdrawn.v1.json", AgreementEvents.MouWithdrawn.class),
                Arguments.of("LocalCommitmentSigned.v1.json", AgreementEvents.LocalCommitmentSigned.class),
                Arguments.of("RegionSelected.v1.json", RegionSelectedHandler.RegionSelected.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void theSchemaDescribesThePayloadRecordExactly(String file, Class<?> payload) throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/events/schemas/" + file)) {
            assertThat(in).as(file).isNotNull();
            schema = JSON.readTree(in);
        }
        assertThat(schema.get("$id").asText()).isEqualTo("/events/schemas/" + file);
        List<String> problems = new ArrayList<>();
        compare("$", payload, schema, problems);
        assertThat(problems).as(file).isEmpty();
    }

    static void compare(String where, Type type, JsonNode schema, List<String> problems) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        List<String> types = jsonTypes(schema);
        if (raw.isRecord()) {
            expect(types.contains("object"), where + " is an object in the schema", problems);
            List<String> components = Arrays.stream(raw.getRecordComponents()).map(RecordComponent::getName).toList();
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            expect(properties.containsAll(components) && components.containsAll(properties),
                    where + ": payload " + components + " but schema " + properties, problems);
            schema.path("required").forEach(r -> expect(components.contains(r.asText()),
                    where + ": requires " + r.asText() + " which the payload lacks", problems));
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonNode property = schema.path("properties").path(component.getName());
                if (!property.isMissingNode()) {
                    compare(where + "." + component.getName(), component.getGenericType(), property, problems);
                }
                if (component.getType().isPrimitive()) {
                    expect(contains(schema.path("required"), component.getName()),
                            where + "." + component.getName() + " is never null: the schema must require it", problems);
                }
            }
        } else if (List.class.isAssignableFrom(raw)) {
            expect(types.contains("array"), where + " is an array in the schema", problems);
            compare(where + "[]", ((ParameterizedType) type).getActualTypeArguments()[0], schema.path("items"), problems);
        } else if (raw.isEnum()) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> {
                if (!v.isNull()) {
                    values.add(v.asText());
                }
            });
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList();
            expect(!values.isEmpty() && constants.containsAll(values),
                    where + ": enum " + values + " is not a set of the payload's " + constants, problems);
        } else if (raw == String.class) {
            expect(types.contains("string"), where + " is a string in the schema", problems);
        } else if (raw == UUID.class) {
            expect(types.contains("string") && "uuid".equals(schema.path("format").asText()),
                    where + " is a string of format uuid in the schema", problems);
        } else if (raw == LocalDate.class || raw == OffsetDateTime.class) {
            String format = raw == LocalDate.class ? "date" : "date-time";
            expect(types.contains("string") && format.equals(schema.path("format").asText()),
                    where + " is a string of format " + format + " in the schema", problems);
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            expect(types.contains("integer"), where + " is an integer in the schema", problems);
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(types.contains("boolean"), where + " is a boolean in the schema", problems);
        } else {
            problems.add(where + ": no rule for payload type " + raw.getName());
        }
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (value.equals(v.asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> jsonTypes(JsonNode schema) {
        JsonNode type = schema.path("type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static void expect(boolean holds, String problem, List<String> problems) {
        if (!holds) {
            problems.add(problem);
        }
    }
}
