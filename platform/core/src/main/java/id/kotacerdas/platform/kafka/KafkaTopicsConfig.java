package id.kotacerdas.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The Kafka topics a service owns and whose settings matter, so they are not left to the broker's
 * auto-creation (which knows nothing of compaction). Example, a compacted topic:
 *
 * <pre>
 * kotacerdas.kafka.topics."kotacerdas.region-registry.v1".config."cleanup.policy"=compact
 * kotacerdas.kafka.topics."kotacerdas.region-registry.v1".partitions=3
 * </pre>
 */
@ConfigMapping(prefix = "kotacerdas.kafka")
public interface KafkaTopicsConfig {

    /** Declared topics by name; empty when the service declares none. */
    Map<String, Topic> topics();

    /** How long one call to the broker may take before the attempt counts as failed (and is retried later). */
    @WithDefault("PT10S")
    Duration adminTimeout();

    interface Topic {

        /** Partitions when the topic is created; the broker's default when absent. An existing topic keeps its own. */
        Optional<Integer> partitions();

        /** Replication factor when the topic is created; the broker's default when absent. */
        Optional<Short> replicationFactor();

        /**
         * Topic-level settings ({@code cleanup.policy}, {@code retention.ms}, ...): set when the topic is created, and
         * set again on an existing topic whose value differs.
         */
        Map<String, String> config();
    }
}
