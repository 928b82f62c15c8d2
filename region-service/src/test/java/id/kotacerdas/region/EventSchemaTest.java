package id.kotacerdas.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.region.messaging.RegionEvents;
import id.kotacerdas.testing.SchemaMatch;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published JSON schemas describe the event payload type exactly: the same properties at every level, of the
 * same JSON types, the same enum values, and nothing required that the payload lacks. A change to the payload record
 * that is not made to the schema (or the other way round) fails here.
 */
class EventSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0} describes RegionEvents.ProfileChanged")
    @ValueSource(strings = { "RegionProfileCreated.v1.json" })
    void schemaDescribesThePayloadRecordExactly(String file) throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/events/schemas/" + file)) {
            assertThat(in).as(file).isNotNull();
            schema = JSON.readTree(in);
        }
        List<String> problems = SchemaMatch.exact().problems(RegionEvents.ProfileChanged.class, schema);
        assertThat(problems).as(file).isEmpty();
    }

    /** RegionProfileUpdated carries the optional correction (issue 18 item 3): its own payload record. */
    @org.junit.jupiter.api.Test
    void theUpdatedSchemaDescribesTheUpdatedPayloadWithItsCorrection() {
        JsonNode schema = SchemaMatch.resource("/META-INF/resources/events/schemas/RegionProfileUpdated.v1.json");
        assertThat(SchemaMatch.exact().problems(RegionEvents.ProfileUpdated.class, schema)).isEmpty();
    }
}
