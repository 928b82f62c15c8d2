package id.kotacerdas.platform.web.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupUnlessProperty;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * The span exporter {@code kotacerdas.tracing.exporter} names. For {@code zipkin} and {@code none} it is this CDI
 * bean (Quarkus's OpenTelemetry SDK batches spans to every {@code SpanExporter} bean, and leaves its own OTLP exporter
 * out when there is one); for {@code otlp} this bean steps aside and Quarkus's OTLP exporter sends the spans.
 */
public class SpanExporters {

    private static final Logger LOG = Logger.getLogger(SpanExporters.class);

    @Produces
    @Singleton
    @LookupUnlessProperty(name = "kotacerdas.tracing.exporter", stringValue = "otlp")
    SpanExporter exporter(TracingConfig config) {
        return switch (config.exporter()) {
            case "zipkin" -> {
                LOG.infof("Sending spans to Zipkin at %s", config.zipkin().endpoint());
                yield ZipkinSpanExporter.builder()
                        .setSender(new ZipkinSender(config.zipkin().endpoint(), config.zipkin().timeout()))
                        .build();
            }
            case "none" -> SpanExporter.composite();
            default -> throw new IllegalArgumentException("kotacerdas.tracing.exporter must be none, zipkin or otlp, not "
                    + config.exporter());
        };
    }
}
