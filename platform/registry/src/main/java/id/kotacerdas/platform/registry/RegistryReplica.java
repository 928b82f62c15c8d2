package id.kotacerdas.platform.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Keeps the service's replica of the region registry: every {@code RegionRegistered} record of the compacted topic
 * {@code kotacerdas.region-registry.v1} is upserted by code into {@code platform_region_registry}.
 *
 * <p>A record changes the row only when its registry version is newer, or the same version with other data; so a
 * replay, a redelivery or an older version arriving late changes nothing, and no processed-events bookkeeping is
 * needed. A tombstone (a record without value) removes the code. A record that can never be processed (unknown
 * {@code ce_type}, malformed JSON, missing fields, key other than its code) goes to the dead-letter topic at once;
 * one that fails for a passing reason (the database) is retried with a back-off, a bounded number of times.
 * Metric {@code kotacerdas.registry.records} counts records by outcome.
 */
@ApplicationScoped
public class RegistryReplica {

    private static final Logger LOG = Logger.getLogger(RegistryReplica.class);
    public static final String CHANNEL = "region-registry";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** What one record did to the replica. */
    public enum Outcome {
        /** Inserted or changed a row. */
        APPLIED,
        /** Changed nothing (a replay, a redelivery, an older version). */
        UNCHANGED,
        /** A tombstone removed the code. */
        REMOVED,
        /** Could not be processed: sent to the dead-letter topic. */
        REJECTED
    }

    private static final String UPSERT = """
            INSERT INTO platform_region_registry AS r (code, name, level, parent_code, province_code, province_name,
                    administrative, replaced_by, replaces, registry_version, registry_size, event_id, changed_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now())
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                    parent_code = EXCLUDED.parent_code, province_code = EXCLUDED.province_code,
                    province_name = EXCLUDED.province_name, administrative = EXCLUDED.administrative,
                    replaced_by = EXCLUDED.replaced_by, replaces = EXCLUDED.replaces,
                    registry_version = EXCLUDED.registry_version, registry_size = EXCLUDED.registry_size,
                    event_id = EXCLUDED.event_id, changed_at = now()
            WHERE r.registry_version < EXCLUDED.registry_version
               OR (r.registry_version = EXCLUDED.registry_version
                   AND (r.name, r.level, r.parent_code, r.province_code, r.province_name, r.administrative,
                        r.replaced_by, r.replaces, r.registry_size)
                       IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_code, EXCLUDED.province_code,
                        EXCLUDED.province_name, EXCLUDED.administrative, EXCLUDED.replaced_by, EXCLUDED.replaces,
                        EXCLUDED.registry_size))""";

    @Inject
    Pool pool;

    @Inject
    MeterRegistry meters;

    @Inject
    RegistryConfig config;

    /** A record that can never be processed. */
    static final class UnusableRecord extends RuntimeException {
        UnusableRecord(String message) {
            super(message, null, false, false);
        }
    }

    @Incoming(CHANNEL)
    public Uni<Void> receive(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> kafka = message.getMetadata(IncomingKafkaRecordMetadata.class).orElse(null);
        return Uni.createFrom().deferred(() -> apply(kafka, message.getPayload()))
                .onFailure(e -> !(e instanceof UnusableRecord)).retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff()).atMost(config.maxRetries())
                .onItemOrFailure().transformToUni((outcome, failure) -> {
                    String where = kafka == null ? "" : kafka.getTopic() + "-" + kafka.getPartition() + "@" + kafka.getOffset();
                    if (failure == null) {
                        count(outcome);
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    count(Outcome.REJECTED);
                    LOG.warnf("Region registry record %s (key %s) goes to the dead-letter topic: %s", where,
                            kafka == null ? null : kafka.getKey(), failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /** Applies one record; fails with {@link UnusableRecord} when it never can be applied. */
    Uni<Outcome> apply(IncomingKafkaRecordMetadata<?, ?> kafka, String value) {
        Object rawKey = kafka == null ? null : kafka.getKey();
        String key = rawKey == null ? null : rawKey.toString();
        if (value == null) {
            if (key == null) {
                throw new UnusableRecord("a record without key and value");
            }
            return pool.preparedQuery("DELETE FROM platform_region_registry WHERE code = $1").execute(Tuple.of(key))
                    .map(rows -> rows.rowCount() > 0 ? Outcome.REMOVED : Outcome.UNCHANGED);
        }
        Headers headers = kafka == null ? null : kafka.getHeaders();
        String type = header(headers, "ce_type");
        if (!RegionRegisteredEvent.TYPE.equals(type)) {
            throw new UnusableRecord("ce_type " + type + " is not " + RegionRegisteredEvent.TYPE);
        }
        RegionRegisteredEvent event;
        try {
            event = JSON.readValue(value, RegionRegisteredEvent.class);
        } catch (JsonProcessingException e) {
            throw new UnusableRecord("data is not a RegionRegistered v1 event: " + e.getOriginalMessage());
        }
        String problem = event.problem();
        if (problem != null) {
            throw new UnusableRecord(problem);
        }
        if (key != null && !key.equals(event.code())) {
            throw new UnusableRecord("key " + key + " is not the record's code " + event.code());
        }
        List<String> replaces = event.replaces() == null ? List.of() : event.replaces();
        Tuple row = Tuple.tuple()
                .addString(event.code()).addString(event.name()).addString(event.level().name())
                .addString(event.parentCode()).addString(event.provinceCode()).addString(event.provinceName())
                .addBoolean(event.administrative()).addString(event.replacedBy())
                .addArrayOfString(replaces.stream().sorted().toArray(String[]::new))
                .addLong(event.registryVersion()).addInteger(event.registrySize())
                .addString(header(headers, "ce_id"));
        return pool.preparedQuery(UPSERT).execute(row)
                .map(rows -> rows.rowCount() > 0 ? Outcome.APPLIED : Outcome.UNCHANGED);
    }

    private void count(Outcome outcome) {
        Counter.builder("kotacerdas.registry.records")
                .description("Region registry records received, by what they did to the replica")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(meters).increment();
    }

    private static String header(Headers headers, String name) {
        Header h = headers == null ? null : headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
