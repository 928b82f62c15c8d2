package id.kotacerdas.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.assessment.messaging.EvaluationEvents;
import id.kotacerdas.platform.outbox.Outbox.EventSpec;
import id.kotacerdas.testing.SchemaMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The evaluation events of issue 18 (corrections, withdrawals, cancellations): each schema describes its payload. */
class EvaluationEventSchemaTest {

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(EvaluationEvents.PUBLISHED, EvaluationEvents.Published.class),
                Arguments.of(EvaluationEvents.CORRECTED, EvaluationEvents.Corrected.class),
                Arguments.of(EvaluationEvents.WITHDRAWN, EvaluationEvents.Withdrawn.class),
                Arguments.of(EvaluationEvents.CYCLE_CANCELLED, EvaluationEvents.CycleCancelled.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachSchemaDescribesItsPayloadAndTheAsyncApiDocumentListsIt(EventSpec spec, Class<?> payload) throws IOException {
        JsonNode schema = SchemaMatch.resource("/META-INF/resources" + spec.dataSchema());
        String name = spec.type().replace("id.kotacerdas.assessment.", "").replace(".v1", "");
        assertThat(schema.get("title").asText()).isEqualTo(name + " v1");
        assertThat(schema.get("$id").asText()).isEqualTo(id.kotacerdas.platform.outbox.Outbox.dataSchemaUri(
                "https://kotacerdas.id", "assessment", spec.dataSchema()));
        assertThat(spec.topic()).isEqualTo(EvaluationEvents.TOPIC);
        assertThat(SchemaMatch.exact().problems(payload, schema)).isEmpty();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/events/asyncapi.yaml")) {
            String asyncapi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(asyncapi).contains("schemas/" + name + ".v1.json").contains(spec.type());
        }
    }
}
