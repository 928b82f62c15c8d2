package id.kotacerdas.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.testing.AsyncApiVisibility;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document states, on each event, the visibility its producer declares and sends (ce_visibility). */
class EventVisibilityTest {

    @Test
    void theDocumentStatesWhoMaySeeEachEvent() throws Exception {
        for (Class<?> events : new Class<?>[] { id.kotacerdas.region.messaging.RegionEvents.class }) {
            try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/events/asyncapi.yaml")) {
                assertThat(AsyncApiVisibility.problems(events, in)).as(events.getSimpleName()).isEmpty();
            }
        }
    }
}
