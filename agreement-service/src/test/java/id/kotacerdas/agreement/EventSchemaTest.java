package id.kotacerdas.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.agreement.messaging.AgreementEvents;
import id.kotacerdas.agreement.messaging.RegionSelectedHandler;
import id.kotacerdas.testing.SchemaMatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
                Arguments.of("MouRecordCorrected.v1.json", AgreementEvents.MouRecordCorrected.class),
                Arguments.of("MouRecordWithdrawn.v1.json", AgreementEvents.MouRecordWithdrawn.class),
                Arguments.of("LocalCommitmentCorrected.v1.json", AgreementEvents.LocalCommitmentCorrected.class),
                Arguments.of("LocalCommitmentWithdrawn.v1.json", AgreementEvents.LocalCommitmentWithdrawn.class),
                Arguments.of("RegionSelectedAsRead.v1.json", RegionSelectedHandler.RegionSelected.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void theSchemaDescribesThePayloadRecordExactly(String file, Class<?> payload) throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/events/schemas/" + file)) {
            assertThat(in).as(file).isNotNull();
            schema = JSON.readTree(in);
        }
        assertThat(schema.get("$id").asText()).isEqualTo("https://kotacerdas.id/events/agreement/schemas/" + file);
        List<String> problems = SchemaMatch.enumSubsetsAndRequiredPrimitives().problems(payload, schema);
        assertThat(problems).as(file).isEmpty();
    }
}
