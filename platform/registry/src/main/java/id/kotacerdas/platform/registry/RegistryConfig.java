package id.kotacerdas.platform.registry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the region registry replica (the Kafka channel {@code region-registry} has its own, see the module's defaults). */
@ConfigMapping(prefix = "kotacerdas.registry")
public interface RegistryConfig {

    /** {@code Retry-After} of the {@code 503} answered while the replica is incomplete. */
    @WithDefault("PT30S")
    Duration retryAfter();

    /**
     * Retries of a record whose processing failed for a passing reason (the database); then it goes to the
     * dead-letter topic. A record that can never be processed goes there at once.
     */
    @WithDefault("20")
    int maxRetries();

    /** First back-off of those retries; it doubles up to {@link #maxBackoff()}. */
    @WithDefault("PT0.5S")
    Duration initialBackoff();

    @WithDefault("PT15S")
    Duration maxBackoff();

    /** Read the topic from its beginning whenever partitions are assigned (see {@code RegistryReplay}). */
    @WithDefault("true")
    boolean replayOnAssignment();
}
