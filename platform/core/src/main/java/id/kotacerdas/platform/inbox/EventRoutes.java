package id.kotacerdas.platform.inbox;

import io.smallrye.mutiny.Uni;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which event types a consumer understands, the type its data is read into, and what each does. An
 * event of any other type is poison (straight to the dead-letter topic), so a consumer states exactly
 * what it accepts:
 *
 * <pre>{@code
 * EventRoutes.builder()
 *         .on("id.kotacerdas.assessment.RegionSelected.v1", RegionSelected.class, this::regionSelected)
 *         .on("id.kotacerdas.agreement.MouSigned.v1", MouSigned.class, this::mouSigned)
 *         .build();
 * }</pre>
 *
 * Data is read with a tolerant reader (unknown JSON properties are ignored, so a producer may add
 * fields to a {@code .v1} event); a field the consumer needs but does not get is the consumer's to
 * reject with {@link PoisonEventException}.
 */
public final class EventRoutes {

    private final Map<String, Route<?>> routes;

    private EventRoutes(Map<String, Route<?>> routes) {
        this.routes = Collections.unmodifiableMap(new LinkedHashMap<>(routes));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The route of this event type, or {@code null} when the consumer does not know it. */
    public Route<?> route(String type) {
        return type == null ? null : routes.get(type);
    }

    /** The event types, in the order declared. */
    public Set<String> types() {
        return routes.keySet();
    }

    /** One event type: its data type and its effect. */
    public record Route<T>(String type, Class<T> dataType, Function<IncomingEvent<T>, Uni<Void>> effect) {

        @SuppressWarnings("unchecked")
        Uni<Void> apply(IncomingEvent<?> event) {
            return effect.apply((IncomingEvent<T>) event);
        }
    }

    public static final class Builder {
        private final Map<String, Route<?>> routes = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Handles events of {@code type}: their data is read into {@code dataType} (a record, or
         * {@code JsonNode} for the raw JSON) and {@code effect} runs inside the inbox's transaction.
         */
        public <T> Builder on(String type, Class<T> dataType, Function<IncomingEvent<T>, Uni<Void>> effect) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(dataType, "dataType");
            Objects.requireNonNull(effect, "effect");
            if (routes.putIfAbsent(type, new Route<>(type, dataType, effect)) != null) {
                throw new IllegalArgumentException("Event type " + type + " is routed twice");
            }
            return this;
        }

        public EventRoutes build() {
            if (routes.isEmpty()) {
                throw new IllegalStateException("A consumer must handle at least one event type");
            }
            return new EventRoutes(routes);
        }
    }
}
