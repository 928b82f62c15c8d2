package id.kotacerdas.platform.inbox.app;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** Echoes what it was asked under its current names, for the test of the platform's renamed names. */
@Path("/test/names/{id}/current")
public class RenamedProbeResource {

    public record Echo(String id, String provinceCode) {
    }

    @GET
    public Echo read(@PathParam("id") String id, @QueryParam("provinceCode") String provinceCode) {
        return new Echo(id, provinceCode);
    }
}
