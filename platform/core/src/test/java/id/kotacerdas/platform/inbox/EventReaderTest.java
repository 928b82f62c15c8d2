package id.kotacerdas.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

/**
 * Reading records into events, and telling poison from what can be processed, on records built as
 * the connector builds them ({@link IncomingKafkaRecord}, with the platform's {@code cloud-events=false}).
 */
class EventReaderTest {

    static final String TYPE = "id.kotacerdas.test.Counted.v1";
    static final OffsetDateTime TIME = OffsetDateTime.of(2026, 11, 30, 9, 15, 0, 123_000_000, ZoneOffset.UTC);

    record Counted(String key, int count) {
    }

    static final EventRoutes ROUTES = EventRoutes.builder()
            .on(TYPE, Counted.class, e -> Uni.createFrom().voidItem())
            .on("id.kotacerdas.test.Other.v1", Counted.class, e -> Uni.createFrom().voidItem())
            .build();

    static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>(TestEvents.headers("e-1", TYPE, "18.72", TIME));
        h.put("ce_time", "2026-11-30T09:15:00.123Z");
        return h;
    }

    static Message<?> message(Map<String, String> headers, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("kotacerdas.test.v1", 2, 41L, "18.72", value);
        headers.forEach((k, v) -> record.headers().add(k, v == null ? null : v.getBytes(StandardCharsets.UTF_8)));
        return new IncomingKafkaRecord<>(record, "probe", -1, null, null, false);
    }

    static String poisonReason(Map<String, String> headers, String value) {
        try {
            EventReader.read(message(headers, value), ROUTES);
        } catch (PoisonEventException e) {
            return e.getMessage();
        }
        throw new AssertionError("not poison");
    }

    @Test
    void readsTheCloudEventItsDataAndWhereItSatInKafka() {
        EventReader.Read read = EventReader.read(message(headers(), "{\"key\":\"a\",\"count\":3}"), ROUTES);
        IncomingEvent<?> e = read.event();
        assertThat(e.id()).isEqualTo("e-1");
        assertThat(e.type()).isEqualTo(TYPE);
        assertThat(e.source()).hasToString(TestEvents.SOURCE);
        assertThat(e.subject()).isEqualTo("18.72");
        assertThat(e.time()).isEqualTo(TIME);
        assertThat(e.requestId()).isEqualTo("req-e-1");
        assertThat(e.data()).isEqualTo(new Counted("a", 3));
        assertThat(e.topic()).isEqualTo("kotacerdas.test.v1");
        assertThat(e.partition()).isEqualTo(2);
        assertThat(e.offset()).isEqualTo(41L);
        assertThat(e.key()).isEqualTo("18.72");
        assertThat(read.route().type()).isEqualTo(TYPE);
    }

    @Test
    void unknownPropertiesAreIgnoredSoProducersMayAddFields() {
        EventReader.Read read = EventReader.read(message(headers(), "{\"key\":\"a\",\"count\":3,\"addedLater\":{\"x\":1}}"), ROUTES);
        assertThat(read.event().data()).isEqualTo(new Counted("a", 3));
    }

    @Test
    void aRecordWithoutTheMandatoryCloudEventHeadersIsPoisonNamingThem() {
        Map<String, String> h = headers();
        h.remove("ce_id");
        h.remove("ce_source");
        assertThat(poisonReason(h, "{}")).isEqualTo(
                "The record is not a CloudEvent in Kafka binary mode: header(s) ce_id, ce_source missing");
    }

    @Test
    void aTypeOfAProducerTheConsumerDoesNotListenToIsPoisonNamingTheTypesTheConsumerHandles() {
        Map<String, String> h = headers();
        h.put("ce_type", "id.kotacerdas.elsewhere.Unknown.v1");
        assertThat(poisonReason(h, "{}")).isEqualTo("Unknown event type id.kotacerdas.elsewhere.Unknown.v1; this consumer handles "
                + TYPE + ", id.kotacerdas.test.Other.v1");
    }

    @Test
    void anotherTypeOfAProducerTheConsumerListensToIsSkippedNotPoison() {
        Map<String, String> h = headers();
        h.put("ce_type", "id.kotacerdas.test.Unhandled.v1");
        assertThatThrownBy(() -> EventReader.read(message(h, "{\"anything\":1}"), ROUTES))
                .isInstanceOfSatisfying(UnhandledEventTypeException.class,
                        e -> assertThat(e.type()).isEqualTo("id.kotacerdas.test.Unhandled.v1"));
        assertThat(ROUTES.skips("id.kotacerdas.test.Unhandled.v7")).isTrue();
        assertThat(ROUTES.skips(TYPE)).as("handled").isFalse();
        assertThat(ROUTES.skips("Unhandled")).as("no producer namespace").isFalse();
    }

    @Test
    void anotherVersionOfAHandledTypeAndAMalformedSkippableEventArePoison() {
        Map<String, String> h = headers();
        h.put("ce_type", "id.kotacerdas.test.Counted.v2");
        assertThat(poisonReason(h, "{}")).startsWith("Unknown event type id.kotacerdas.test.Counted.v2");

        Map<String, String> badTime = headers();
        badTime.put("ce_type", "id.kotacerdas.test.Unhandled.v1");
        badTime.put("ce_time", "yesterday");
        assertThat(poisonReason(badTime, "{}")).startsWith("The ce_time header is not an RFC 3339 time");
    }

    @Test
    void dataThatIsNotTheDeclaredJsonIsPoison() {
        assertThat(poisonReason(headers(), "{\"key\":")).startsWith("The data of event e-1 is not Counted JSON:");
        assertThat(poisonReason(headers(), "{\"key\":\"a\",\"count\":\"three\"}")).startsWith("The data of event e-1 is not Counted JSON:");
        assertThat(poisonReason(headers(), "null")).isEqualTo("The data of event e-1 is JSON null");
        assertThat(poisonReason(headers(), null)).isEqualTo("The event e-1 has no data");
        assertThat(poisonReason(headers(), " ")).isEqualTo("The event e-1 has no data");
    }

    @Test
    void otherContentTypesSpecVersionsAndMissingTimesArePoison() {
        Map<String, String> h = headers();
        h.put("content-type", "application/xml");
        assertThat(poisonReason(h, "<a/>")).isEqualTo("Data content type application/xml is not JSON");

        h = headers();
        h.put("content-type", "application/vnd.kotacerdas+json; charset=UTF-8");
        assertThat(EventReader.read(message(h, "{\"key\":\"a\",\"count\":1}"), ROUTES).event().id()).isEqualTo("e-1");

        h = headers();
        h.put("ce_specversion", "0.3");
        assertThat(poisonReason(h, "{}")).isEqualTo("CloudEvents spec version 0.3 is not supported; send 1.0");

        h = headers();
        h.remove("ce_time");
        assertThat(poisonReason(h, "{}")).startsWith("The CloudEvent has no time (ce_time)");

        h = headers();
        h.put("ce_id", "x".repeat(EventReader.MAX_ID_LENGTH + 1));
        assertThat(poisonReason(h, "{}")).isEqualTo("The CloudEvent id (ce_id) is longer than 255 characters");
    }

    @Test
    void malformedHeadersArePoisonInsteadOfStoppingTheChannel() {
        Map<String, String> h = headers();
        h.put("ce_time", "30/11/2026");
        // why the platform turns the connector's own CloudEvent support off for incoming channels: with it,
        // this record cannot even become a message, and the channel's stream fails before any failure strategy
        ConsumerRecord<String, String> record = new ConsumerRecord<>("t", 0, 0L, "k", "{}");
        h.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> new IncomingKafkaRecord<>(record, "probe", -1, null, null, true))
                .isInstanceOf(RuntimeException.class);

        assertThat(poisonReason(h, "{}")).isEqualTo("The ce_time header is not an RFC 3339 time: '30/11/2026'");

        h = headers();
        h.put("ce_source", "not a uri");
        assertThat(poisonReason(h, "{}")).isEqualTo("The ce_source header is not a URI reference: 'not a uri'");

        h = headers();
        h.put("ce_type", null);
        assertThat(poisonReason(h, "{}")).isEqualTo("The record is not a CloudEvent in Kafka binary mode: header(s) ce_type missing");

        h = headers();
        h.put("ce_time", "2026-11-30T16:15:00.5+07:00");
        assertThat(EventReader.read(message(h, "{\"key\":\"a\",\"count\":1}"), ROUTES).event().time())
                .isEqualTo(OffsetDateTime.of(2026, 11, 30, 16, 15, 0, 500_000_000, ZoneOffset.ofHours(7)));

        h = headers();
        h.put("content-type", "application/cloudevents+json");
        assertThat(poisonReason(h, "{\"specversion\":")).startsWith("Structured-mode CloudEvents (content-type application/cloudevents+json)");
    }

    @Test
    void poisonIsRecognisedThroughWrappersAndEverythingElseIsTransient() {
        PoisonEventException poison = new PoisonEventException("bad");
        assertThat(PoisonEventException.isPoison(poison)).isTrue();
        assertThat(PoisonEventException.isPoison(new IllegalStateException("wrapped", poison))).isTrue();
        assertThat(PoisonEventException.isPoison(new io.smallrye.mutiny.CompositeException(
                new IllegalStateException("rollback failed too"), poison))).isTrue();
        assertThat(PoisonEventException.isPoison(new IllegalStateException("database down"))).isFalse();
        assertThat(PoisonEventException.isPoison(new java.sql.SQLTransientConnectionException("no connection"))).isFalse();
        assertThat(PoisonEventException.isPoison(null)).isFalse();
    }

    @Test
    void aTypeIsRoutedOnceAndAConsumerRoutesAtLeastOne() {
        EventRoutes.Builder builder = EventRoutes.builder().on(TYPE, Counted.class, e -> Uni.createFrom().voidItem());
        assertThatThrownBy(() -> builder.on(TYPE, Counted.class, e -> Uni.createFrom().voidItem()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(TYPE);
        assertThatThrownBy(() -> EventRoutes.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThat(ROUTES.route("id.kotacerdas.test.Nope.v1")).isNull();
        assertThat(ROUTES.types()).containsExactly(TYPE, "id.kotacerdas.test.Other.v1");
    }

    @Test
    void eachConsumerGetsAGroupNamedAfterServiceAndChannelAndProducersStayAsTheyAre() {
        ConsumerDefaults defaults = new ConsumerDefaults();
        defaults.application = java.util.Optional.of("agreement-service");
        Map<String, Object> consumer = new java.util.HashMap<>(Map.of("value.deserializer", "x", "group.id", "agreement-service"));
        defaults.customize("region-registry", null, consumer);
        assertThat(consumer).containsEntry("group.id", "agreement-service.region-registry");

        Map<String, Object> producer = new java.util.HashMap<>(Map.of("value.serializer", "x"));
        defaults.customize("outbox", null, producer);
        assertThat(producer).containsOnlyKeys("value.serializer");
    }
}
