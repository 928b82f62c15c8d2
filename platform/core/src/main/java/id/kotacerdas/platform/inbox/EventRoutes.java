package id.kotacerdas.platform.inbox;

import io.smallrye.mutiny.Uni;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which event types a consumer understands, the type its data is read into, and what each does. The
 * declaration also says what the consumer ignores (see {@link #skips(String)}): another type of a
 * producer it listens to is acknowledged and skipped, never dead-lettered; a type of a producer it does
 * not listen to, or another version of a type it handles, is poison (straight to the dead-letter topic):
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

    /**
     * Whether a well-formed event of {@code type}, which this consumer does not route, is to be skipped
     * (acknowledged, counted, not dead-lettered). A producer's types share a namespace
     * ({@code id.kotacerdas.<producer>.<Name>.v<N>}): a type in the namespace of a routed type is another fact of a
     * producer the consumer listens to, which it has no use for, and is skipped. Not skipped, i.e. poison: a type
     * outside every routed namespace (a record on the wrong topic), and another version of a routed type
     * ({@code MouSigned.v2} where {@code MouSigned.v1} is routed: data the consumer would need but cannot read).
     */
    public boolean skips(String type) {
        if (type == null || routes.containsKey(type)) {
            return false;
        }
        String name = withoutVersion(type);
        String namespace = namespace(name);
        if (namespace == null) {
            return false;
        }
        for (String routed : routes.keySet()) {
            String routedName = withoutVersion(routed);
            if (routedName.equals(name)) {
                return false; // another version of a type this consumer handles
            }
            if (namespace.equals(namespace(routedName))) {
                return true;
            }
        }
        return false;
    }

    /** {@code id.kotacerdas.agreement.MouSigned.v1} → {@code id.kotacerdas.agreement.MouSigned}. */
    private static String withoutVersion(String type) {
        int dot = type.lastIndexOf('.');
        return dot > 0 && type.length() > dot + 2 && type.charAt(dot + 1) == 'v'
                && type.substring(dot + 2).chars().allMatch(Character::isDigit) ? type.substring(0, dot) : type;
    }

    /** {@code id.kotacerdas.agreement.MouSigned} → {@code id.kotacerdas.agreement}; {@code null} without a dot. */
    private static String namespace(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : null;
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
