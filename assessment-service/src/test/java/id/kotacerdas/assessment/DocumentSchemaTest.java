package id.kotacerdas.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.assessment.messaging.EvaluationEvents;
import id.kotacerdas.assessment.rest.FrameworkDocument;
import id.kotacerdas.testing.SchemaMatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
        assertThat(schema.get("$id").asText()).isEqualTo(id.kotacerdas.platform.outbox.Outbox.dataSchemaUri(
                "https://kotacerdas.id", "assessment", spec.dataSchema()));
        assertThat(spec.topic()).isEqualTo(name.startsWith("Evaluation") ? EvaluationEvents.TOPIC : AssessmentEvents.TOPIC);
        List<String> problems = SchemaMatch.exact().problems(payload, schema);
        assertThat(problems).isEmpty();
        String asyncapi = new String(read0("/META-INF/resources/events/asyncapi.yaml"), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(asyncapi).contains("schemas/" + name + ".v1.json").contains(spec.type());
    }

    @Test
    void theFrameworkSchemaDescribesTheImportExportDocumentExactly() throws IOException {
        JsonNode schema = read("/META-INF/resources/schemas/framework.v1.json");
        List<String> problems = SchemaMatch.exact().problems(FrameworkDocument.class, schema);
        assertThat(problems).isEmpty();
        for (String shipped : List.of("kominfo-readiness.v1.json", "kominfo-readiness.v2.json", "spbe.v1.json",
                "kominfo-evaluation.v1.json", "kominfo-evaluation.v2.json")) {
            JsonNode doc = read("/frameworks/" + shipped);
            assertThat(doc.get("$schema").asText()).isEqualTo("/schemas/framework.v1.json");
            JSON.treeToValue(doc, FrameworkDocument.class); // every property is one the document type (and so the schema) has
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
