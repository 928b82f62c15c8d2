package id.kotacerdas.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.kotacerdas.platform.web.RequestIds;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import id.kotacerdas.platform.security.Visibility;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Appends events to the outbox inside the caller's transaction. Call it from a method that runs in
 * {@code @WithTransaction}: the event exists exactly when the change it reports was committed.
 */
@ApplicationScoped
public class Outbox {

    /** The path under which a service serves its events documents; {@link EventSpec#dataSchema()} starts with it. */
    public static final String EVENTS_PATH = "/events/";

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxConfig config;

    @ConfigProperty(name = "quarkus.application.name")
    Optional<String> applicationName;

    public Uni<OutboxEvent> append(EventSpec spec, String aggregateId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = spec.topic();
        event.aggregateType = spec.aggregateType();
        event.eventType = spec.type();
        event.dataSchema = dataSchemaUri(spec);
        event.aggregateId = aggregateId;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        event.payload = data instanceof JsonNode node ? node : mapper.valueToTree(data);
        event.requestId = RequestIds.currentRequestId();
        event.traceparent = RequestIds.currentTraceparent();
        event.visibility = spec.visibility() == null ? null : spec.visibility().attributeValue();
        return event.persist();
    }

    /**
     * The {@code dataschema} of events of this kind: an absolute URI where the gateway serves the schema, equal to the
     * schema's {@code $id} ({@link #dataSchemaUri(String, String, String)} with the configured base and route).
     */
    public String dataSchemaUri(EventSpec spec) {
        String route = config.schemaRoute().filter(r -> !r.isBlank())
                .orElseGet(() -> applicationName.orElse("").replaceFirst("-service$", ""));
        return dataSchemaUri(config.schemaBaseUrl(), route, spec.dataSchema());
    }

    /**
     * {@code base} + {@code /events/<route>/} + the schema's path under the service's own {@code /events/}: the
     * service's {@code /events/schemas/MouSigned.v1.json} is the gateway's
     * {@code https://kotacerdas.id/events/agreement/schemas/MouSigned.v1.json}. An absolute {@code dataSchema}, one
     * outside {@code /events/} and {@code null} are kept as they are.
     */
    public static String dataSchemaUri(String base, String route, String dataSchema) {
        if (dataSchema == null || !dataSchema.startsWith(EVENTS_PATH) || URI.create(dataSchema).isAbsolute()) {
            return dataSchema;
        }
        String origin = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return origin + EVENTS_PATH + route + "/" + dataSchema.substring(EVENTS_PATH.length());
    }

    /**
     * What is fixed for one kind of event: where it goes, how it is named and who may see the fact it reports (as the
     * producer's own reads show it; {@link Visibility}).
     *
     * @param dataSchema the schema's path as the service serves it ({@code /events/schemas/MouSigned.v1.json}); the
     *        event's {@code dataschema} is its absolute URI at the gateway ({@link #dataSchemaUri(EventSpec)})
     */
    public record EventSpec(String topic, String aggregateType, String type, String dataSchema, Visibility visibility) {
    }
}
