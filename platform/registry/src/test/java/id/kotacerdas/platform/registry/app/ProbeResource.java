package id.kotacerdas.platform.registry.app;

import id.kotacerdas.platform.registry.RegionRegistry;
import id.kotacerdas.platform.registry.RegisteredRegion;
import id.kotacerdas.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;

/** A tiny service used only by this module's tests: it answers from its registry replica. */
@Path("/probe/regions")
public class ProbeResource {

    @Inject
    RegionRegistry registry;

    /** The current region of a code (a replaced code answers with its successor). */
    @GET
    @Path("/{code}")
    public Uni<RegisteredRegion> current(@PathParam("code") String code) {
        return registry.require(code);
    }

    /** The entry of exactly this code. */
    @GET
    @Path("/{code}/entry")
    public Uni<RegisteredRegion> entry(@PathParam("code") String code) {
        return registry.find(code).map(found -> found.orElseThrow(
                () -> ProblemException.notFound("No region has the code " + code + ".")));
    }

    @GET
    public Uni<List<RegisteredRegion>> all() {
        return registry.regions();
    }
}
