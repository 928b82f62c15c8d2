package id.kotacerdas.platform.inbox;

/**
 * A well-formed CloudEvent of a type the consumer does not handle, from a producer whose other types it does: the
 * inbox acknowledges it and skips it (counted in {@code kotacerdas_inbox_skipped_total{channel,type}}), it never goes
 * to the dead-letter topic. See {@link EventRoutes#skips(String)} for what counts as such a type.
 */
public class UnhandledEventTypeException extends RuntimeException {

    private final String type;

    public UnhandledEventTypeException(String type) {
        super("Event type " + type + " is not handled by this consumer; skipped", null, false, false);
        this.type = type;
    }

    /** The event type ({@code ce_type}) skipped. */
    public String type() {
        return type;
    }
}
