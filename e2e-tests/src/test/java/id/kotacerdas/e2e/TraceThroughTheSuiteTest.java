package id.kotacerdas.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One write through the gateway is one trace in the local trace backend (Zipkin, started by deploy/local/up): the
 * gateway's spans, region-service's (HTTP, database), its outbox relay's Kafka send, and masterplan-service's
 * processing of the event it consumes, all under the trace id the gateway answered with.
 */
@ExtendWith(RunningSuite.class)
class TraceThroughTheSuiteTest {

    static final String ZIPKIN = "http://localhost:9411";
    static final String METRO = SuiteThroughGatewayTest.METRO;

    @BeforeAll
    static void throughTheGateway() {
        RestAssured.baseURI = RunningSuite.GATEWAY;
    }

    @Test
    void aProfileUpdateIsOneTraceFromTheGatewayToAConsumerInAnotherService() {
        Assumptions.assumeTrue(zipkinUp(), "Zipkin is not running at " + ZIPKIN + " (deploy/local/up started with ZIPKIN=0?)");
        String requestId = "e2e-trace-" + UUID.randomUUID();
        String traceparent = SuiteThroughGatewayTest.update("officer-metro", METRO,
                "https://metro-" + UUID.randomUUID() + ".go.id", requestId)
                .then().statusCode(200).header("X-Request-Id", equalTo(requestId)).extract().header("traceparent");
        assertThat(traceparent).as("the gateway's trace context").matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        String traceId = traceparent.substring(3, 35);

        // Zipkin keeps span names in lower case
        // spans reach Zipkin in batches (every few seconds), the consumer's after the event went through Kafka
        List<Map<String, Object>> spans = Awaitility.await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> trace(traceId), found -> found.stream().anyMatch(
                        s -> "masterplan-service".equals(service(s)) && "inbox region-events".equals(s.get("name")))
                        && parentsPresent(found));

        Map<String, List<String>> byService = spans.stream().collect(Collectors.groupingBy(
                TraceThroughTheSuiteTest::service, Collectors.mapping(s -> (String) s.get("name"), Collectors.toList())));
        assertThat(byService).as("spans of the trace by service").containsKeys("gateway", "region-service",
                "masterplan-service");
        assertThat(byService.get("gateway")).as("the gateway's server and client spans").hasSizeGreaterThanOrEqualTo(2);
        assertThat(byService.get("region-service")).as("region-service: HTTP, database, the relay's Kafka send")
                .contains("outbox send kotacerdas.region.v1")
                .anyMatch(name -> name.contains("kotacerdas.region.v1") && name.contains("publish"))
                .anyMatch(name -> name.startsWith("put /api/v1/regions/"));
        Map<String, Object> consumed = spans.stream().filter(s -> "inbox region-events".equals(s.get("name"))).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, String> tags = (Map<String, String>) consumed.get("tags");
        assertThat(tags).containsEntry("kotacerdas.region_code", METRO)
                .containsEntry("cloudevents.event_type", "id.kotacerdas.region.RegionProfileUpdated.v1")
                .containsEntry("kotacerdas.request_id", requestId)
                .containsEntry("kotacerdas.inbox.outcome", "applied");
        // every span hangs off another span of the trace, down to the gateway's root
        List<String> ids = spans.stream().map(s -> (String) s.get("id")).toList();
        assertThat(spans).filteredOn(s -> s.get("parentId") == null).as("one root").hasSize(1)
                .allMatch(s -> "gateway".equals(service(s)));
        assertThat(spans).filteredOn(s -> s.get("parentId") != null).allMatch(s -> ids.contains(s.get("parentId")));
    }

    /** Every span's parent is in the trace too (each process sends its spans in its own batches). */
    private static boolean parentsPresent(List<Map<String, Object>> spans) {
        List<Object> ids = spans.stream().map(s -> s.get("id")).toList();
        return spans.stream().allMatch(s -> s.get("parentId") == null || ids.contains(s.get("parentId")));
    }

    private static boolean zipkinUp() {
        try {
            return given().baseUri(ZIPKIN).get("/health").statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static List<Map<String, Object>> trace(String traceId) {
        Response response = given().baseUri(ZIPKIN).get("/api/v2/trace/{id}", traceId);
        return response.statusCode() == 200 ? JsonPath.from(response.asString()).getList("$") : List.of();
    }

    @SuppressWarnings("unchecked")
    private static String service(Map<String, Object> span) {
        Object endpoint = span.get("localEndpoint");
        return endpoint instanceof Map<?, ?> map ? (String) ((Map<String, Object>) map).get("serviceName") : null;
    }
}
