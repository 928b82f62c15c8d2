package id.kotacerdas.platform.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the inbox treats failures and rebuilds ({@code kotacerdas.inbox.*}). The defaults suit every
 * service; tests shorten the back-off.
 */
@ConfigMapping(prefix = "kotacerdas.inbox")
public interface InboxConfig {

    /**
     * How often a transient failure (database down, serialization conflict, a bug that may be fixed
     * by a redeploy) is retried before the event goes to the dead-letter topic. The channel waits
     * meanwhile (per-partition order), so keep retries × max back-off well below the connector's
     * {@code throttled.unprocessed-record-max-age.ms} (60 s).
     */
    @WithDefault("3")
    int retries();

    /** The first retry's delay; each further one doubles it (with jitter) up to {@link #retryMaxBackoff()}. */
    @WithDefault("PT0.2S")
    Duration retryBackoff();

    @WithDefault("PT5S")
    Duration retryMaxBackoff();

    /**
     * How long a rebuild waits for the paused channel to finish and commit what it had already
     * fetched (at least the connector's {@code auto.commit.interval.ms}, 5 s).
     */
    @WithDefault("PT60S")
    Duration rebuildDrainTimeout();
}
