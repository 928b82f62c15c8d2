package id.kotacerdas.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.kotacerdas.assessment.messaging.AssessmentEvents;
import id.kotacerdas.platform.outbox.Outbox.EventSpec;
import id.kotacerdas.testing.SchemaMatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The cancellation events of the readiness assessment (issue 18 item 3): each schema describes its payload. */
class CancellationEventSchemaTest {

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(AssessmentEvents.CYCLE_CANCELLED, AssessmentEvents.CycleCancelled.class),
                Arguments.of(AssessmentEvents.INVITATION_CANCELLED, AssessmentEvents.InvitationCancelled.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void eachSchemaDescribesItsPayloadAndTheAsyncApiDocumentListsIt(EventSpec spec, Class<?> payload) throws IOException {
        JsonNode schema = SchemaMatch.resource("/META-INF/resources" + spec.dataSchema());
        String name = spec.type().replace("id.kotacerdas.assessment.", "").replace(".v1", "");
        assertThat(schema.get("title").asText()).isEqualTo(name + " v1");
        assertThat(schema.get("$id").asText()).isEqualTo(id.kotacerdas.platform.outbox.Outbox.dataSchemaUri(
                "https://kotacerdas.id", "assessment", spec.dataSchema()));
        assertThat(spec.topic()).isEqualTo(AssessmentEvents.TOPIC);
        assertThat(SchemaMatch.exact().problems(payload, schema)).isEmpty();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/events/asyncapi.yaml")) {
            String asyncapi = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(asyncapi).contains("schemas/" + name + ".v1.json").contains(spec.type())
                    .contains("#/components/messages/" + name);
        }
    }
}
