package id.kotacerdas.platform.idempotency;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/**
 * The HTTP form of an {@link IdempotentResult}, for resources: {@code 201 Created} with {@code Location}, the
 * version as {@code ETag} and the representation; a replay also says {@code Idempotent-Replayed: true}.
 */
public final class IdempotentResponses {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private IdempotentResponses() {
    }

    public static Response created(IdempotentResult<?> result) {
        Response.ResponseBuilder builder = Response.created(result.location()).entity(result.representation());
        if (result.version() != null) {
            builder.tag(new EntityTag(result.version()));
        }
        if (result.replayed()) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }
}
