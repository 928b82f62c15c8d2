package id.kotacerdas.testing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Whether a published JSON Schema describes a Java type exactly (an event payload record, an import document): the
 * same properties at every level (by their JSON names), of the same JSON types, enum values the type can take, and
 * nothing required that the type lacks. Every service's schema test asks this, so that a change made to one side only
 * fails there: {@code assertThat(SchemaMatch.exact().problems(Payload.class, schema)).isEmpty()}.
 */
public final class SchemaMatch {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean exactEnums;
    private final boolean primitivesRequired;

    private SchemaMatch(boolean exactEnums, boolean primitivesRequired) {
        this.exactEnums = exactEnums;
        this.primitivesRequired = primitivesRequired;
    }

    /** Enums list exactly the type's constants, in order. */
    public static SchemaMatch exact() {
        return new SchemaMatch(true, false);
    }

    /**
     * Enums list some of the type's constants (a payload field that only ever carries some of them, {@code null}
     * allowed), and every primitive (never null) component is required.
     */
    public static SchemaMatch enumSubsetsAndRequiredPrimitives() {
        return new SchemaMatch(false, true);
    }

    /** A JSON resource of the test's classpath, e.g. {@code /META-INF/resources/events/schemas/MouSigned.v1.json}. */
    public static JsonNode resource(String path) {
        try (InputStream in = SchemaMatch.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What does not match, one line each (empty: the schema describes the type exactly). */
    public List<String> problems(Type type, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        compare("$", type, schema, problems);
        return problems;
    }

    private void compare(String where, Type type, JsonNode schema, List<String> problems) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        List<String> types = jsonTypes(schema);
        if (raw.isRecord()) {
            expect(types.contains("object"), where + " is an object in the schema", problems);
            List<String> components = Arrays.stream(raw.getRecordComponents()).map(SchemaMatch::jsonName).toList();
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            expect(properties.containsAll(components) && components.containsAll(properties),
                    where + ": type " + components + " but schema " + properties, problems);
            schema.path("required").forEach(r -> expect(components.contains(r.asText()),
                    where + ": requires " + r.asText() + " which the type lacks", problems));
            for (RecordComponent component : raw.getRecordComponents()) {
                String name = jsonName(component);
                JsonNode property = schema.path("properties").path(name);
                if (!property.isMissingNode()) {
                    compare(where + "." + name, component.getGenericType(), property, problems);
                }
                if (primitivesRequired && component.getType().isPrimitive()) {
                    expect(contains(schema.path("required"), name),
                            where + "." + name + " is never null: the schema must require it", problems);
                }
            }
        } else if (List.class.isAssignableFrom(raw)) {
            expect(types.contains("array"), where + " is an array in the schema", problems);
            compare(where + "[]", ((ParameterizedType) type).getActualTypeArguments()[0], schema.path("items"), problems);
        } else if (raw.isEnum()) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> {
                if (exactEnums || !v.isNull()) {
                    values.add(v.asText());
                }
            });
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList();
            if (exactEnums) {
                expect(values.equals(constants), where + ": enum " + values + " but type " + constants, problems);
            } else {
                expect(!values.isEmpty() && constants.containsAll(values),
                        where + ": enum " + values + " is not a set of the type's " + constants, problems);
            }
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
        } else if (raw == BigDecimal.class) {
            expect(types.contains("number"), where + " is a number in the schema", problems);
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(types.contains("boolean"), where + " is a boolean in the schema", problems);
        } else {
            problems.add(where + ": no rule for type " + raw.getName());
        }
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
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
