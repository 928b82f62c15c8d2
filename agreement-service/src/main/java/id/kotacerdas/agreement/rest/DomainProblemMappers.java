package id.kotacerdas.agreement.rest;

import id.kotacerdas.agreement.domain.IllegalTransitionException;
import id.kotacerdas.platform.web.ProblemMappers;
import id.kotacerdas.platform.web.Violation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as problems: an action the MoU's state does not allow is {@code 409} naming the state. */
public class DomainProblemMappers {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, HttpServerRequest request) {
        return ProblemMappers.respond(request, 409, "illegal-transition", "Illegal state transition", e.getMessage(),
                List.of(new Violation("state", "is " + e.state())), Map.of());
    }
}
