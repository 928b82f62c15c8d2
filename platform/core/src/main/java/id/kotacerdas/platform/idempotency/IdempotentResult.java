package id.kotacerdas.platform.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/**
 * The outcome of a create that may have been a retry: either it {@link Created created} the resource now, or it
 * {@link Replayed replayed} the answer stored for the first request with the same {@code Idempotency-Key}. Either way
 * the caller learns where the resource is, its version and its representation. No HTTP here: a resource turns it
 * into a response ({@link IdempotentResponses}).
 *
 * @param <T> the representation a create returns
 */
public sealed interface IdempotentResult<T> permits IdempotentResult.Created, IdempotentResult.Replayed {

    /** Where the created resource is. */
    URI location();

    /** The created resource's version (the value of its entity tag), or {@code null}. */
    String version();

    /** The representation to return: the new one, or the one stored with the first answer. */
    Object representation();

    /** Whether this is the stored answer to an earlier request. */
    boolean replayed();

    /** Created by this request. */
    record Created<T>(URI location, String version, T representation) implements IdempotentResult<T> {

        @Override
        public boolean replayed() {
            return false;
        }
    }

    /** The answer stored for the first request with this key, exactly as it was then. */
    record Replayed<T>(URI location, String version, JsonNode representation) implements IdempotentResult<T> {

        @Override
        public boolean replayed() {
            return true;
        }
    }
}
