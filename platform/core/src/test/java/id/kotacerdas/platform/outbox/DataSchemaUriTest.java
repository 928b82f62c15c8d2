package id.kotacerdas.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The {@code dataschema} of an event: its schema's path under the service's {@code /events/}, made absolute at the gateway. */
class DataSchemaUriTest {

    @Test
    void theServicesSchemaPathBecomesTheGatewaysAbsoluteUri() {
        assertThat(Outbox.dataSchemaUri("https://kotacerdas.id", "agreement", "/events/schemas/MouSigned.v1.json"))
                .isEqualTo("https://kotacerdas.id/events/agreement/schemas/MouSigned.v1.json");
        assertThat(Outbox.dataSchemaUri("http://localhost:8080/", "region", "/events/schemas/RegionRegistered.v1.json"))
                .as("a base with a trailing slash").isEqualTo("http://localhost:8080/events/region/schemas/RegionRegistered.v1.json");
    }

    @Test
    void anAbsoluteOrForeignOrMissingSchemaIsKept() {
        assertThat(Outbox.dataSchemaUri("https://kotacerdas.id", "x", "https://example.org/s.json")).isEqualTo("https://example.org/s.json");
        assertThat(Outbox.dataSchemaUri("https://kotacerdas.id", "x", "/schemas/s.json")).isEqualTo("/schemas/s.json");
        assertThat(Outbox.dataSchemaUri("https://kotacerdas.id", "x", null)).isNull();
    }
}
