package id.kotacerdas.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import id.kotacerdas.platform.inbox.app.InMemorySpans;
import id.kotacerdas.platform.inbox.app.ProbeConsumer;
import id.kotacerdas.testing.InfrastructureTestResource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An event's processing joins the trace of whoever wrote it: the record's {@code traceparent} is the parent of the
 * Kafka consumer span, the inbox's span is its child and carries the event's type, region code, request id and
 * outcome, and the effect's database calls are children of the inbox's span.
 */
@QuarkusTest
@WithTestResource(value = InfrastructureTestResource.class, initArgs = @ResourceArg(name = "database", value = Db.DATABASE))
@WithTestResource(OidcWiremockTestResource.class)
class InboxTracingTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String PRODUCER_SPAN = "00f067aa0ba902b7";

    static TestEvents events;

    @BeforeAll
    static void producer() {
        events = new TestEvents();
    }

    @AfterAll
    static void closeProducer() {
        events.close();
    }

    @Test
    void processingAnEventJoinsTheTraceOfTheRecordWithTheEventsAttributes() {
        String key = "52.07"; // a region code: the subject of the events about one region
        String id = TestEvents.newId();
        Map<String, String> headers = TestEvents.headers(id, TestEvents.PROBE_TYPE, key, OffsetDateTime.now(ZoneOffset.UTC));
        headers.put("traceparent", "00-" + TRACE_ID + "-" + PRODUCER_SPAN + "-01");
        events.send(InboxTest.TOPIC, key, headers, TestEvents.probeJson(key, "traced"));

        await().atMost(Duration.ofSeconds(60)).until(() -> inboxSpan(id) != null);
        SpanData inbox = inboxSpan(id);
        assertThat(inbox.getName()).isEqualTo("inbox " + ProbeConsumer.CHANNEL);
        assertThat(inbox.getTraceId()).as("the writer's trace").isEqualTo(TRACE_ID);
        assertThat(attribute(inbox, "cloudevents.event_type")).isEqualTo(TestEvents.PROBE_TYPE);
        assertThat(attribute(inbox, "kotacerdas.region_code")).isEqualTo("52.07");
        assertThat(attribute(inbox, "kotacerdas.request_id")).isEqualTo("req-" + id);
        assertThat(attribute(inbox, "kotacerdas.inbox.outcome")).isEqualTo("applied");

        List<SpanData> trace = InMemorySpans.EXPORTER.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(TRACE_ID)).toList();
        SpanData received = trace.stream().filter(s -> s.getSpanId().equals(inbox.getParentSpanId())).findFirst()
                .orElseThrow(() -> new AssertionError("the inbox span's parent is not in the trace: " + trace));
        assertThat(received.getKind()).as("SmallRye's Kafka consumer span").isEqualTo(SpanKind.CONSUMER);
        assertThat(received.getParentSpanId()).as("the record's traceparent").isEqualTo(PRODUCER_SPAN);
        assertThat(trace).as("the effect's database calls, children of the inbox span")
                .anyMatch(s -> s.getParentSpanId().equals(inbox.getSpanId()) && s.getKind() == SpanKind.CLIENT
                        && s.getAttributes().asMap().keySet().stream().anyMatch(k -> k.getKey().startsWith("db.")));
    }

    private static SpanData inboxSpan(String eventId) {
        return InMemorySpans.EXPORTER.getFinishedSpanItems().stream()
                .filter(s -> eventId.equals(attribute(s, "cloudevents.event_id"))).findFirst().orElse(null);
    }

    private static String attribute(SpanData span, String name) {
        return span.getAttributes().get(AttributeKey.stringKey(name));
    }
}
