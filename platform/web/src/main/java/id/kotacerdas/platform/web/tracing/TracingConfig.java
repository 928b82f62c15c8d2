package id.kotacerdas.platform.web.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * Where the spans go ({@code kotacerdas.tracing.*}). Sampling is OpenTelemetry's own setting
 * ({@code quarkus.otel.traces.sampler}, {@code quarkus.otel.traces.sampler.arg}); tracing off is
 * {@code quarkus.otel.sdk.disabled=true}.
 */
@ConfigMapping(prefix = "kotacerdas.tracing")
public interface TracingConfig {

    /**
     * {@code none}: spans are made (trace ids in logs, propagation over HTTP and Kafka) but sent nowhere;
     * {@code zipkin}: to a Zipkin server ({@link #zipkin()}, deploy/local's trace backend); {@code otlp}: Quarkus's
     * OTLP exporter, to {@code quarkus.otel.exporter.otlp.endpoint} (an OpenTelemetry collector, Jaeger, Tempo).
     */
    @WithDefault("none")
    String exporter();

    /** The Zipkin server. */
    Zipkin zipkin();

    interface Zipkin {

        /** Its span intake, Zipkin's v2 JSON API. */
        @WithDefault("http://localhost:9411/api/v2/spans")
        URI endpoint();

        /** How long one export may take. */
        @WithDefault("5s")
        Duration timeout();
    }
}
