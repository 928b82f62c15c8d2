package id.kotacerdas.platform.inbox.app;

import id.kotacerdas.platform.idempotency.Idempotency;
import id.kotacerdas.platform.idempotency.Idempotent;
import id.kotacerdas.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Actions that are deliberately not idempotent by themselves (each call counts one more application), for the test of
 * the platform's {@link Idempotent} resources.
 */
@Idempotent
@Path("/test/actions/{name}")
public class ProbeActionResource {

    public record Note(String note) {
    }

    public record Applied(String name, int applications, String note) {
    }

    @POST
    @Path("/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> apply(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch, Note body) {
        return Panache.withTransaction(() -> increment(name))
                .map(n -> Response.ok(new Applied(name, n, body == null ? null : body.note()))
                        .tag(Integer.toString(n)).build());
    }

    @POST
    @Path("/plain")
    public Uni<Applied> applyPlain(@PathParam("name") String name) {
        return Panache.withTransaction(() -> increment(name)).map(n -> new Applied(name, n, null));
    }

    /** Applies, then refuses: the refusal rolls the application back. */
    @POST
    @Path("/refusals")
    public Uni<Response> refuse(@PathParam("name") String name) {
        return Panache.withTransaction(() -> increment(name)).map(n -> {
            throw ProblemException.conflict("refused after " + n + " applications");
        });
    }

    /** Takes the key itself (as the creates do): the interceptor leaves it alone. */
    @POST
    @Path("/own-key")
    public Uni<Applied> ownKey(@PathParam("name") String name, @HeaderParam(Idempotency.HEADER) String key) {
        return Panache.withTransaction(() -> increment(name)).map(n -> new Applied(name, n, key));
    }

    @GET
    public Uni<Applied> read(@PathParam("name") String name) {
        return Panache.withSession(() -> ProbeApplication.<ProbeApplication>findById("action:" + name))
                .map(a -> new Applied(name, a == null ? 0 : a.applications, null));
    }

    private static Uni<Integer> increment(String name) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                INSERT INTO probe_application (event_id, consumer, applications) VALUES (:id, 'action', 1)
                ON CONFLICT (event_id) DO UPDATE SET applications = probe_application.applications + 1
                RETURNING applications""", Integer.class)
                .setParameter("id", "action:" + name)
                .getSingleResult());
    }
}
