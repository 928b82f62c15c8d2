package id.kotacerdas.region;

import static id.kotacerdas.region.RegionProfileTest.MINISTRY;
import static id.kotacerdas.region.RegionProfileTest.ensureProfile;
import static id.kotacerdas.region.RegionProfileTest.profile;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.testing.InfrastructureTestResource;
import id.kotacerdas.testing.KafkaEvents;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "region"))
@WithTestResource(OidcWiremockTestResource.class)
class OutboxDeliveryTest {

    @Test
    void eventsWaitWhileKafkaIsDownAndThenLeaveInOrder() {
        String etag = ensureProfile("35.15");
        String run = UUID.randomUUID().toString();
        List<String> websites = new ArrayList<>();
        InfrastructureTestResource.stopKafka();
        try {
            for (int i = 0; i < 3; i++) {
                String website = "https://sidoarjo-" + run + "-" + i + ".go.id";
                websites.add(website);
                // writes still succeed: the events wait in the outbox
                etag = given().auth().oauth2(MINISTRY).header("If-Match", etag).contentType(ContentType.JSON)
                        .body(profile(website)).put("/api/v1/regions/35.15/profile").then().statusCode(200)
                        .extract().header("ETag");
            }
        } finally {
            InfrastructureTestResource.startKafka();
        }
        try (KafkaEvents events = KafkaEvents.on(RegionProfileTest.TOPIC)) {
            ConsumerRecord<String, String> last = events.awaitRecord(
                    r -> r.value() != null && r.value().contains(websites.get(2)), Duration.ofSeconds(60));
            assertThat(last.key()).isEqualTo("35.15");
            List<String> order = events.seen().stream()
                    .filter(r -> r.value() != null && r.value().contains("sidoarjo-" + run))
                    .map(ConsumerRecord::value)
                    .map(v -> websites.stream().filter(v::contains).findFirst().orElseThrow())
                    .distinct().toList();
            assertThat(order).containsExactlyElementsOf(websites);
        }
    }
}
