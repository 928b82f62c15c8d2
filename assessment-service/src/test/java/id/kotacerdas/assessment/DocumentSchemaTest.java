package id.kotacerdas.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.assessment.messaging.EvaluationEvents;
import id.kotacerdas.assessment.rest.FrameworkDocument;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published JSON Schemas describe the types they document exactly — the event payload records, and the framework
 * import/export document: the same properties at every level, of the same JSON types, the same enum values, nothing
 * required that the type lacks, and every event spec names its schema. A change to one side only fails here.
 */
class DocumentSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(AssessmentEvents.CYCLE_OPENED, AssessmentEvents.CycleOpened.class),
                Arguments.of(AssessmentEvents.REGION_INVITED, AssessmentEvents.RegionInvited.class),
                Arguments.of(AssessmentEvents.SELF_ASSESSMENT_SUBMITTED, AssessmentEvents.SelfAssessmentSubmitted.class),
                Arguments.of(AssessmentEvents.REGION_SCORED, AssessmentEvents.RegionScored.class),
                Arguments.of(AssessmentEvents.REGION_SELECTED, AssessmentEvents.RegionSelected.class),
                Arguments.of(AssessmentEvents.REGION_NOT_SELECTED, AssessmentEvents.RegionNotSelected.class),
                Arguments.of(AssessmentEvents.COHORT_RECORDED, AssessmentEvents.CohortRecorded.class),
                Arguments.of(AssessmentEvents.RESULT_LETTER_ISSUED, AssessmentEvents.ResultLetterIssued.class),
                Arguments.of(EvaluationEvents.CYCLE_OPENED, EvaluationEvents.CycleOpened.class),
                Arguments.of(EvaluationEvents.PUBLISHED, EvaluationEvents.Published.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachEventSchemaDescribesItsPayloadRecordExactly(id.kotacerdas.platform.outbox.Outbox.EventSpec spec, Class<?> payload)
            throws IOException {
        JsonNode schema = read("/META-INF/resources" + spec.dataSchema());
        String name = spec.type().replace("id.kotacerdas.assessment.", "").replace(".v1", "");
        assertThat(schema.get("title").asText()).isEqualTo(name + " v1");
        assertThat(schema.get("$id").asText()).isEqualTo(spec.dataSchema());
        assertThat(spec.topic()).isEqualTo(name.startsWith("Evaluation") ? EvaluationEvents.TOPIC : AssessmentEvents.TOPIC);
        List<String> problems = new ArrayList<>();
        compare("$", payload, schema, problems);
        assertThat(problems).isEmpty();
        String asyncapi = new String(read0("/META-INF/resources/events/asyncapi.yaml"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(asyncapi).contains("schemas/" + name + ".v1.json").contains(spec.type());
    }

    @Test
    void theFrameworkSchemaDescribesTheImportExportDocumentExactly() throws IOException {
        JsonNode schema = read("/META-INF/resources/schemas/framework.v1.json");
        List<String> problems = new ArrayList<>();
        compare("$", FrameworkDocument.class, schema, problems);
        assertThat(problems).isEmpty();
        for (String shipped : List.of("kominfo-readiness.v1.json", "kominfo-readiness.v2.json", "spbe.v1.json",
                "kominfo-evaluation.v1.json", "kominfo-evaluation.v2.json")) {
            JsonNode doc = read("/frameworks/" + shipped);
            assertThat(doc.get("$schema").asText()).isEqualTo("/schemas/framework.v1.json");
            JSON.treeToValue(doc, FrameworkDocument.class); // every property is one the document type (and so the schema) has
        }
    }

    static void compare(String where, Type type, JsonNode schema, List<String> problems) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        List<String> types = jsonTypes(schema);
        if (raw.isRecord()) {
            expect(types.contains("object"), where + " is an object in the schema", problems);
            List<String> components = Arrays.stream(raw.getRecordComponents()).map(DocumentSchemaTest::jsonName).toList();
            List<String> properties = new ArrayList<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            expect(properties.containsAll(components) && components.containsAll(properties),
                    where + ": type " + components + " but schema " + properties, problems);
            schema.path("required").forEach(r -> expect(components.contains(r.asText()),
                    where + ": requires " + r.asText() + " which the type lacks", problems));
            for (RecordComponent component : raw.getRecordComponents()) {
                JsonNode property = schema.path("properties").path(jsonName(component));
                if (!property.isMissingNode()) {
                    compare(where + "." + jsonName(component), component.getGenericType(), property, problems);
                }
            }
        } else if (List.class.isAssignableFrom(raw)) {
            expect(types.contains("array"), where + " is an array in the schema", problems);
            compare(where + "[]", ((ParameterizedType) type).getActualTypeArguments()[0], schema.path("items"), problems);
        } else if (raw.isEnum()) {
            List<String> values = new ArrayList<>();
            schema.path("enum").forEach(v -> values.add(v.asText()));
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(Object::toString).toList();
            expect(values.equals(constants), where + ": enum " + values + " but type " + constants, problems);
        } else if (raw == String.class) {
            expect(types.contains("string"), where + " is a string in the schema", problems);
        } else if (raw == UUID.class) {
            expect(types.contains("string") && "uuid".equals(schema.path("format").asText()), where + " is a uuid", problems);
        } else if (raw == LocalDate.class || raw == OffsetDateTime.class) {
            String format = raw == LocalDate.class ? "date" : "date-time";
            expect(types.contains("string") && format.equals(schema.path("format").asText()),
                    where + " is a string of format " + format + " in the schema", problems);
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            expect(types.contains("integer"), where + " is an integer in the schema", problems);
        } else if (raw == BigDecimal.class) {
            expect(types.contains("number"), where + " is a number in the schema", problems);
        } else if (raw == boolean.class || raw == Boolean.class) {
            expect(types.contains("boolean"), where + " is a boolean in the schema", problems);
        } else {
            problems.add(where + ": no rule for type " + raw.getName());
        }
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
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

    static JsonNode read(String resource) throws IOException {
        return JSON.readTree(read0(resource));
    }

    static byte[] read0(String resource) throws IOException {
        try (InputStream in = DocumentSchemaTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
