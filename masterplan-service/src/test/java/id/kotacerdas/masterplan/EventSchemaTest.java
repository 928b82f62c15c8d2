package id.kotacerdas.masterplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.masterplan.messaging.MasterplanEvents;
import id.kotacerdas.platform.outbox.Outbox.EventSpec;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON schemas describe the event payload types exactly: the same properties at every level, of the
 * same JSON types, the same enum values, nothing required that the payload lacks. A change to a payload record that
 * is not made to its schema (or the other way round) fails here.
 */
class EventSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(MasterplanEvents.MASTERPLAN_OPENED, MasterplanEvents.MasterplanOpened.class),
                Arguments.of(MasterplanEvents.BIMTEK_SESSION_SCHEDULED, MasterplanEvents.BimtekSessionScheduled.class),
                Arguments.of(MasterplanEvents.BIMTEK_SESSION_HELD, MasterplanEvents.BimtekSessionHeld.class),
                Arguments.of(MasterplanEvents.BIMTEK_COMPLETED, MasterplanEvents.BimtekCompleted.class),
                Arguments.of(MasterplanEvents.MASTERPLAN_SUBMITTED, MasterplanEvents.MasterplanSubmitted.class),
                Arguments.of(MasterplanEvents.MASTERPLAN_REVISION_REQUESTED, MasterplanEvents.MasterplanRevisionRequested.class),
                Arguments.of(MasterplanEvents.MASTERPLAN_APPROVED, MasterplanEvents.MasterplanApproved.class),
                Arguments.of(MasterplanEvents.MASTERPLAN_RATIFIED, MasterplanEvents.MasterplanRatified.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void schemaDescribesThePayloadRecordExactly(EventSpec spec, Class<?> payload) throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources" + spec.dataSchema())) {
            assertThat(in).as(spec.dataSchema()).isNotNull();
            schema = JSON.readTree(in);
        }
        assertThat(schema.get("$id").asText()).isEqualTo(spec.dataSchema());
        assertThat(schema.get("description").asText()).contains(spec.type()).contains(MasterplanEvents.TOPIC);
        List<String> problems = new ArrayList<>();
        compare("$", payload, schema, problems);
        assertThat(problems).as(spec.dataSchema()).isEmpty();
    }

    @Test
    void everyEventIsTestedAndInTheAsyncApiDocument() throws IOException {
        assertThat(events().count()).isEqualTo(MasterplanEvents.ALL.size());
        String asyncapi;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/events/asyncapi.yaml")) {
            asyncapi = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (EventSpec spec : MasterplanEvents.ALL) {
            assertThat(asyncapi).contains(spec.type()).contains("'" + spec.dataSchema().substring("/events/".length()) + "'");
        }
        assertThat(asyncapi).contains("kotacerdas.agreement.v1", "kotacerdas.region.v1", "action: receive");
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
            }
        } else if (List.class.isAssignableFrom(raw)) {
            expect(types.contains("array"), where + " is an array in the schema", problems);
            compare(where + "[]", ((ParameterizedType) type).getActualTypeArguments()[0], schema.path("items"), problems);
        } else if (raw.isEnum()) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> values.add(v.asText()));
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList();
            expect(values.equals(constants), where + ": enum " + values + " but payload " + constants, problems);
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
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(types.contains("boolean"), where + " is a boolean in the schema", problems);
        } else {
            problems.add(where + ": no rule for payload type " + raw.getName());
        }
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
