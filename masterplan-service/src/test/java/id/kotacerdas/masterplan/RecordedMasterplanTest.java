package id.kotacerdas.masterplan;

import static id.kotacerdas.masterplan.TestSupport.count;
import static id.kotacerdas.masterplan.TestSupport.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.testing.InfrastructureTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, items 2 and 3: a masterplan known only by its ratification, recorded from its sources; the recorded past
 * never starts live workflow (a RECORDED MouSigned opens nothing); ratifications corrected and withdrawn in the open.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = "masterplan"))
@WithTestResource(OidcWiremockTestResource.class)
class RecordedMasterplanTest {

    @BeforeEach
    void registry() {
        TestSupport.registryReady();
    }

    /** A MouSigned recorded from its sources, as agreement-service publishes it. */
    static ProducerRecord<String, String> recordedMouSigned(String eventId, String regionCode, int year, UUID mouId) {
        ProducerRecord<String, String> live = TestSupport.mouSigned(eventId, regionCode, "Kota", year, year + "-03-01",
                mouId);
        String data = live.value().substring(0, live.value().length() - 1)
                + ",\"origin\":\"RECORDED\",\"occurred\":{\"date\":\"" + year + "-03\",\"precision\":\"MONTH\"},"
                + "\"sources\":[{\"url\":\"https://example.go.id/mou\"}]}";
        return new ProducerRecord<>(live.topic(), null, live.key(), data, live.headers());
    }

    @Test
    void aRecordedMouSignedOpensNoMasterplanAndTheNewAgreementTypesAreNotDeadLettered() throws Exception {
        int year = TestSupport.freshYear();
        UUID mouId = UUID.randomUUID();
        String signed = UUID.randomUUID().toString(), withdrawn = UUID.randomUUID().toString(),
                corrected = UUID.randomUUID().toString();
        send(recordedMouSigned(signed, "18.72", year, mouId),
                TestSupport.cloudEvent(TestSupport.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                        "id.kotacerdas.agreement.MouRecordWithdrawn.v1", "18.72", withdrawn,
                        OffsetDateTime.now(ZoneOffset.UTC), Map.of("mouId", mouId.toString(), "regionCode", "18.72",
                                "programmeYear", year, "withdrawal", Map.of("revision", 1, "reason", "twice",
                                        "sources", List.of(Map.of("url", "https://example.go.id/x"))))),
                TestSupport.cloudEvent(TestSupport.AGREEMENT_TOPIC, "/kotacerdas/agreement-service",
                        "id.kotacerdas.agreement.LocalCommitmentCorrected.v1", "18.72", corrected,
                        OffsetDateTime.now(ZoneOffset.UTC), Map.of("regionCode", "18.72")));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("processed_event WHERE consumer = 'agreement-events'"
                + " AND event_id IN ('" + signed + "', '" + withdrawn + "', '" + corrected + "')") == 3);
        assertThat(count("masterplan WHERE region_code = '18.72' AND programme_year = " + year)).isZero();
        assertThat(count("outbox_event WHERE payload->>'regionCode' = '18.72' AND payload->>'programmeYear' = '" + year
                + "'")).isZero();
    }
}
