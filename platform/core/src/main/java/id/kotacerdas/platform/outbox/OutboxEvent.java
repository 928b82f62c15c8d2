package id.kotacerdas.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An event written in the same transaction as the change it reports. {@link OutboxRelay} sends it
 * to Kafka as a CloudEvent and marks it published only after Kafka acknowledged it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** The CloudEvent id. */
    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    /** The Kafka key: the aggregate id, so each aggregate's events stay in order. */
    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(name = "aggregate_type", nullable = false)
    public String aggregateType;

    /** The CloudEvent type, e.g. {@code id.kotacerdas.region.RegionProfileUpdated.v1}. */
    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "data_schema")
    public String dataSchema;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode payload;

    @Column(name = "request_id")
    public String requestId;

    public String traceparent;

    /** Who may see the fact ({@code Visibility#attributeValue()}); sent as {@code ce_visibility}. */
    public String visibility;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
