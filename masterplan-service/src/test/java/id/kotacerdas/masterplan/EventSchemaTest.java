package id.kotacerdas.masterplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.masterplan.messaging.MasterplanEvents;
import id.kotacerdas.platform.outbox.Outbox.EventSpec;
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
                Arguments.of(MasterplanEvents.MASTERPLAN_RATIFIED, MasterplanEvents.MasterplanRatified.class),
                Arguments.of(MasterplanEvents.RATIFICATION_CORRECTED, MasterplanEvents.RatificationCorrected.class),
                Arguments.of(MasterplanEvents.RATIFICATION_WITHDRAWN, MasterplanEvents.RatificationWithdrawn.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void schemaDescribesThePayloadRecordExactly(EventSpec spec, Class<?> payload) throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources" + spec.dataSchema())) {
            assertThat(in).as(spec.dataSchema()).isNotNull();
            schema = JSON.readTree(in);
        }
        assertThat(schema.get("$id").asText()).isEqualTo(id.kotacerdas.platform.outbox.Outbox.dataSchemaUri(
                "https://kotacerdas.id", "masterplan", spec.dataSchema()));
        assertThat(schema.get("description").asText()).contains(spec.type()).contains(MasterplanEvents.TOPIC);
        List<String> problems = SchemaMatch.exact().problems(payload, schema);
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
}
