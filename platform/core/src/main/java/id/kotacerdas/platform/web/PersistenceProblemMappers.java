package id.kotacerdas.platform.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Database races that are the client's to resolve, never a 5xx. */
public class PersistenceProblemMappers {

    @ServerExceptionMapper
    public Response stale(StaleStateException e, HttpServerRequest request) {
        return staleVersion(request);
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpServerRequest request) {
        return staleVersion(request);
    }

    @ServerExceptionMapper
    public Response uniqueViolation(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        return ProblemMappers.respond(request, 409, "conflict", "Conflict",
                "A concurrent request changed the same resource; read it again and retry.", List.of(), Map.of());
    }

    private static Response staleVersion(HttpServerRequest request) {
        return ProblemMappers.respond(request, 412, "stale-version", "Precondition failed",
                "The resource was changed by someone else; read it again (new ETag) and retry.",
                List.of(new Violation("If-Match", "does not match the current version")), Map.of());
    }
}
