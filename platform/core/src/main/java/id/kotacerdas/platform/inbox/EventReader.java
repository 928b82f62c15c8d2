package id.kotacerdas.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import id.kotacerdas.platform.security.Visibility;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads a Kafka record into an {@link IncomingEvent} of the type its consumer declared, or says why
 * it never can ({@link PoisonEventException}). Pure: no I/O, no state.
 *
 * <p>Accepted: a CloudEvent 1.0 in Kafka binary mode, i.e. the attributes in headers
 * ({@code ce_specversion}, {@code ce_id}, {@code ce_source}, {@code ce_type}, {@code ce_time},
 * optionally {@code ce_subject}, {@code content-type} for {@code datacontenttype}, extensions such as
 * {@code ce_requestid}) and the data as the record's value: what the outbox relay of every service
 * writes. The event must be of a type the consumer routes and its data must read into the route's
 * type. Anything else is poison, with a reason that says what is wrong, except a well-formed event of a
 * type the consumer skips ({@link EventRoutes#skips}): {@link UnhandledEventTypeException}.
 *
 * <p>The headers are read here, not by SmallRye's connector ({@code cloud-events=false} is the
 * platform's default for incoming channels): the connector parses CloudEvent headers while it turns a
 * record into a message, before any failure strategy applies, and a malformed {@code ce_time} or
 * {@code ce_source}, or a structured-mode record whose body is not JSON, fails the channel's stream
 * for good instead of reaching the dead-letter topic.
 */
public final class EventReader {

    /** Longest CloudEvent id {@code processed_event.event_id} takes. */
    public static final int MAX_ID_LENGTH = 255;

    /**
     * A tolerant reader for event data: unknown properties are ignored (producers may add fields to a
     * {@code .v1} event), ISO-8601 dates and times as written.
     */
    static final ObjectMapper DATA_READER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    /** RFC 3339 as SmallRye writes it (also with a zone id instead of an offset). */
    private static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .appendZoneOrOffsetId()
            .toFormatter(Locale.ROOT);

    private static final List<String> MANDATORY = List.of("ce_specversion", "ce_id", "ce_source", "ce_type");

    private EventReader() {
    }

    /** An event read, and the route that will apply it. */
    public record Read(IncomingEvent<?> event, EventRoutes.Route<?> route) {
    }

    /**
     * Reads {@code message} for a consumer with these routes.
     *
     * @throws PoisonEventException when the message can never be processed; the message says why
     */
    public static Read read(Message<?> message, EventRoutes routes) {
        @SuppressWarnings("unchecked")
        Optional<IncomingKafkaRecordMetadata<?, ?>> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(m -> (IncomingKafkaRecordMetadata<?, ?>) m);
        if (kafka.isEmpty()) {
            throw new PoisonEventException("The message did not come from Kafka: no CloudEvent headers to read");
        }
        Headers headers = kafka.get().getHeaders();
        String contentType = header(headers, "content-type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/cloudevents")) {
            throw new PoisonEventException("Structured-mode CloudEvents (content-type " + abbreviate(contentType)
                    + ") are not accepted; send binary mode (ce_* headers, JSON data)");
        }
        List<String> missing = new ArrayList<>();
        for (String name : MANDATORY) {
            String value = header(headers, name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new PoisonEventException("The record is not a CloudEvent in Kafka binary mode: header(s) "
                    + String.join(", ", missing) + " missing");
        }
        String specVersion = header(headers, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new PoisonEventException("CloudEvents spec version " + abbreviate(specVersion) + " is not supported; send 1.0");
        }
        String id = header(headers, "ce_id");
        if (id.length() > MAX_ID_LENGTH) {
            throw new PoisonEventException("The CloudEvent id (ce_id) is longer than " + MAX_ID_LENGTH + " characters");
        }
        String type = header(headers, "ce_type");
        EventRoutes.Route<?> route = routes.route(type);
        if (route == null && routes.skips(type)) {
            uri(headers, "ce_source");
            time(headers);
            throw new UnhandledEventTypeException(type); // well formed, of a producer the consumer listens to
        }
        if (route == null) {
            throw new PoisonEventException("Unknown event type " + abbreviate(type) + "; this consumer handles "
                    + String.join(", ", routes.types()));
        }
        URI source = uri(headers, "ce_source");
        OffsetDateTime time = time(headers);
        if (contentType != null && !isJson(contentType)) {
            throw new PoisonEventException("Data content type " + abbreviate(contentType) + " is not JSON");
        }
        String json = text(message.getPayload());
        if (json == null || json.isBlank()) {
            throw new PoisonEventException("The event " + id + " has no data");
        }
        Object data;
        try {
            data = DATA_READER.readValue(json, route.dataType());
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("The data of event " + id + " is not " + route.dataType().getSimpleName()
                    + " JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")"));
        }
        if (data == null) {
            throw new PoisonEventException("The data of event " + id + " is JSON null");
        }
        IncomingKafkaRecordMetadata<?, ?> record = kafka.get();
        IncomingEvent<Object> event = new IncomingEvent<>(id, type, source, header(headers, "ce_subject"), time, data,
                header(headers, "ce_requestid"), record.getTopic(), record.getPartition(), record.getOffset(),
                record.getKey() == null ? null : record.getKey().toString(),
                Visibility.parse(header(headers, "ce_" + Visibility.ATTRIBUTE)));
        return new Read(event, route);
    }

    private static OffsetDateTime time(Headers headers) {
        String value = header(headers, "ce_time");
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("The CloudEvent has no time (ce_time): a consumer needs the time of the fact");
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notIso) {
            try {
                return RFC_3339.parse(value, java.time.ZonedDateTime::from).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                throw new PoisonEventException("The ce_time header is not an RFC 3339 time: '" + abbreviate(value) + "'");
            }
        }
    }

    private static URI uri(Headers headers, String name) {
        String value = header(headers, name);
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("The " + name + " header is not a URI reference: '" + abbreviate(value) + "'");
        }
    }

    /** The last header of that name as UTF-8; {@code null} when absent or without value. */
    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static boolean isJson(String contentType) {
        String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return media.equals("application/json") || media.endsWith("+json");
    }

    private static String text(Object payload) {
        if (payload == null) {
            return null;
        }
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return payload.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }
}
