package id.kotacerdas.masterplan.rest;

import id.kotacerdas.masterplan.domain.IllegalTransitionException;
import id.kotacerdas.platform.web.ProblemMappers;
import id.kotacerdas.platform.web.Violation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The domain's refusals as problems: an action the state does not allow (editing a submitted version, ratifying a
 * plan that is not approved, holding stage 3 before stage 2) is a {@code 409} naming the state.
 */
public class DomainProblemMappers {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, HttpServerRequest request) {
        String field = e.subject().startsWith("bimtek stage") ? e.subject().replace("bimtek stage ", "stage[") + "].state"
                : "state";
        return ProblemMappers.respond(request, 409, "illegal-transition", "Illegal state transition", e.getMessage(),
                List.of(new Violation(field, "is " + e.state())), Map.of());
    }
}
