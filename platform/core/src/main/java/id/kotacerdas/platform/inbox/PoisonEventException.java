package id.kotacerdas.platform.inbox;

import io.smallrye.mutiny.CompositeException;

/**
 * An event that can never be processed, however often it is tried: not a CloudEvent, an unknown type,
 * data that is not the declared JSON, or (thrown by a consumer's own code) data that breaks a rule no
 * retry can fix. The inbox sends it to the dead-letter topic at once, without retries; its message is
 * the {@code dead-letter-reason} header there. Every other failure counts as transient and is retried.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason, null, false, false);
    }

    public PoisonEventException(String reason, Throwable cause) {
        super(reason, cause, false, false);
    }

    /** Whether {@code failure} or one of its causes (also inside a Mutiny {@code CompositeException}) says the event is poison. */
    public static boolean isPoison(Throwable failure) {
        return isPoison(failure, 0);
    }

    private static boolean isPoison(Throwable failure, int depth) {
        if (failure == null || depth > 20) {
            return false;
        }
        if (failure instanceof PoisonEventException) {
            return true;
        }
        if (failure instanceof CompositeException composite) {
            for (Throwable cause : composite.getCauses()) {
                if (isPoison(cause, depth + 1)) {
                    return true;
                }
            }
        }
        return failure.getCause() != failure && isPoison(failure.getCause(), depth + 1);
    }
}
