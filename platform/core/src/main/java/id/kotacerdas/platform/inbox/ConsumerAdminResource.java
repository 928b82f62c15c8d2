package id.kotacerdas.platform.inbox;

import static id.kotacerdas.platform.security.Caller.MINISTRY_ADMIN;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Operations on a service's event consumers, for operators and scripts
 * ({@code deploy/local/rebuild-consumer}). Not part of the public API: the gateway routes no
 * {@code /admin} path and the operation is left out of the OpenAPI document; call the service itself.
 *
 * <ul>
 * <li>{@code POST /admin/consumers/{channel}/rebuild} ({@code ministry-admin}): {@code 202} with a
 * {@link RebuildReport} once the consumer's state is cleared and its partitions are set back; the
 * replay runs on. {@code 404} problem+json for a channel without consumer, {@code 409} while a rebuild
 * runs or other instances hold partitions, {@code 503} when the consumer cannot be drained now.</li>
 * </ul>
 */
@Path("/admin/consumers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(MINISTRY_ADMIN)
public class ConsumerAdminResource {

    @Inject
    ConsumerRebuild rebuild;

    @POST
    @Path("/{channel}/rebuild")
    @Operation(hidden = true)
    public Uni<Response> rebuild(@PathParam("channel") String channel) {
        return Uni.createFrom().deferred(() -> rebuild.rebuild(channel))
                .map(report -> Response.accepted(report).build());
    }
}
