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
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's transaction. Call it from a method that runs in
 * {@code @WithTransaction}: the event exists exactly when the change it reports was committed.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper mapper;

    public Uni<OutboxEvent> append(EventSpec spec, String aggregateId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = spec.topic();
        event.aggregateType = spec.aggregateType();
        event.eventType = spec.type();
        event.dataSchema = spec.dataSchema();
        event.aggregateId = aggregateId;
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        event.payload = data instanceof JsonNode node ? node : mapper.valueToTree(data);
        event.requestId = RequestIds.currentRequestId();
        event.traceparent = RequestIds.currentTraceparent();
        event.visibility = spec.visibility() == null ? null : spec.visibility().attributeValue();
        return event.persist();
    }

    /**
     * What is fixed for one kind of event: where it goes, how it is named and who may see the fact it reports (as the
     * producer's own reads show it; {@link Visibility}).
     */
    public record EventSpec(String topic, String aggregateType, String type, String dataSchema, Visibility visibility) {
    }
}
