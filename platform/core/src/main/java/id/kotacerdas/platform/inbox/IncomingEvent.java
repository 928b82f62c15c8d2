package id.kotacerdas.platform.inbox;

import id.kotacerdas.platform.security.Visibility;
import java.net.URI;
import java.time.OffsetDateTime;

/**
 * One event as a consumer sees it: the CloudEvent's attributes, its data read into the type the
 * consumer declared for the event type ({@link EventRoutes}), and where the record sat in Kafka.
 *
 * @param id the CloudEvent id: what {@code processed_event} records, so a redelivery is skipped
 * @param type the CloudEvent type, e.g. {@code id.kotacerdas.agreement.MouSigned.v1}
 * @param source the producer, e.g. {@code /kotacerdas/agreement-service}
 * @param subject the aggregate the event is about (the region code for region-owned aggregates), or {@code null}
 * @param time when the fact happened at the producer (not when it arrived): the time to compare when
 *        facts of one aggregate arrive out of order
 * @param data the payload
 * @param requestId the request that caused the event at the producer ({@code ce_requestid}), or {@code null}
 * @param topic the Kafka topic, {@code null} outside Kafka
 * @param partition the Kafka partition, -1 outside Kafka
 * @param offset the Kafka offset, -1 outside Kafka
 * @param key the Kafka key (the aggregate id), or {@code null}
 * @param visibility who may see the fact, as its producer states it ({@code ce_visibility}; missing or unknown: the
 *        cautious {@link Visibility#REGION})
 */
public record IncomingEvent<T>(String id, String type, URI source, String subject, OffsetDateTime time, T data,
        String requestId, String topic, int partition, long offset, String key, Visibility visibility) {

    public IncomingEvent(String id, String type, URI source, String subject, OffsetDateTime time, T data,
            String requestId, String topic, int partition, long offset, String key) {
        this(id, type, source, subject, time, data, requestId, topic, partition, offset, key, Visibility.REGION);
    }

    /** The same event with other data (e.g. after a consumer's own upcasting). */
    public <U> IncomingEvent<U> withData(U newData) {
        return new IncomingEvent<>(id, type, source, subject, time, newData, requestId, topic, partition, offset, key,
                visibility);
    }
}
