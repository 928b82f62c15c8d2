package id.kotacerdas.platform.inbox.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Fails the way no mapper knows (a test of the last resort of {@code PersistenceProblemMappers}). */
@Path("/test/failing")
public class FailingResource {

    @GET
    public String fail() {
        throw new IllegalStateException("a failure the mappers do not know");
    }
}
