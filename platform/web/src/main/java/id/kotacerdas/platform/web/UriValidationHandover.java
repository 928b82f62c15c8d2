package id.kotacerdas.platform.web;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands the validation of request URIs from Quarkus's HTTP root handler to {@link HttpLayerProblems}. Quarkus checks
 * every request URI with {@code java.net.URI} before any route and answers a failure with a bare {@code 400} (no
 * body, no request id); with {@code vertx.disableURIValidation} it passes the request on, and
 * {@link HttpLayerProblems} applies the same check first and answers problem+json naming the path or the query
 * parameter. Quarkus reads that switch once, from a system property, when its HTTP recorder class initialises; this
 * config source is created before that (configuration comes first at start-up), sets it, and contributes no
 * configuration. An explicit {@code -Dvertx.disableURIValidation=false} is left alone.
 */
public class UriValidationHandover implements ConfigSource {

    static final String PROPERTY = "vertx.disableURIValidation";

    static {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        return null;
    }

    @Override
    public String getName() {
        return "kotacerdas-uri-validation-handover";
    }

    @Override
    public int getOrdinal() {
        return Integer.MIN_VALUE;
    }
}
