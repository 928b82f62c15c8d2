package id.kotacerdas.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The outbox relay's settings ({@code kotacerdas.outbox.*}). Every one has a default that suits a service of the
 * suite; {@link #source()} defaults to {@code /kotacerdas/<quarkus.application.name>} (platform defaults).
 */
@ConfigMapping(prefix = "kotacerdas.outbox")
public interface OutboxConfig {

    /** Whether the relay runs at all (tests of a consumer that publishes nothing may turn it off). */
    @WithDefault("true")
    boolean enabled();

    /** How many events one drain sends before it commits their marks and looks again. */
    @WithDefault("100")
    int batchSize();

    /** How often the relay looks for events that a lost notification left behind. */
    @WithDefault("PT2S")
    Duration sweepInterval();

    /** The first wait after a failed attempt; each further failure doubles it, up to {@link #maxBackoff()}. */
    @WithDefault("PT0.25S")
    Duration firstBackoff();

    /** The longest wait between two attempts while Kafka (or the database) is unreachable. */
    @WithDefault("PT15S")
    Duration maxBackoff();

    /**
     * How often Kafka is asked whether it answers while the relay is failing, so that the relay drains as soon as it
     * is back ({@link OutboxKafkaWatch}) rather than after its back-off.
     */
    @WithDefault("PT1S")
    Duration kafkaCheckInterval();

    /** How long published events are kept in the table (for inspection) before the hourly clean-up deletes them. */
    @WithDefault("P7D")
    Duration retention();

    /** The CloudEvents {@code source} of every event the service publishes, e.g. {@code /kotacerdas/region-service}. */
    String source();

    /**
     * The origin under which the gateway serves every service's event schemas ({@code /events/<route>/schemas/...}):
     * each event's {@code dataschema} is this base, {@code /events/<route>} and the schema's path under the service's
     * own {@code /events}, e.g. {@code https://kotacerdas.id/events/region/schemas/RegionRegistered.v1.json}. The
     * default is the suite's canonical origin, the one the schemas' {@code $id}s (and the problem types) name, so that
     * {@code dataschema} equals the {@code $id} of the schema it names; the path resolves at every gateway.
     */
    @WithDefault("https://kotacerdas.id")
    String schemaBaseUrl();

    /**
     * The gateway route that serves this service's events documents ({@code gateway.routes.<route>}); by default the
     * application name without {@code -service} ({@code region-service}: {@code region}).
     */
    Optional<String> schemaRoute();
}
