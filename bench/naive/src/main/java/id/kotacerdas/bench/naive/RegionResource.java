package id.kotacerdas.bench.naive;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** GET /api/v1/regions/{code}: findById, the entity as JSON. What a first Quarkus tutorial would write. */
@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionResource {

    @GET
    @Path("/{code}")
    public Uni<Region> get(@PathParam("code") String code) {
        return Region.<Region>findById(code).onItem().ifNull().failWith(NotFoundException::new);
    }
}
