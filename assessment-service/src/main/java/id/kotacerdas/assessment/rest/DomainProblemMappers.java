package id.kotacerdas.assessment.rest;

import id.kotacerdas.assessment.domain.RuleViolationException;
import id.kotacerdas.assessment.domain.StateConflictException;
import id.kotacerdas.platform.web.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The domain's refusals as problems: a state that forbids the change is 409, a broken rule 422 naming each field. */
public class DomainProblemMappers {

    @ServerExceptionMapper
    public Response stateConflict(StateConflictException e, HttpServerRequest request) {
        return ProblemMappers.respond(request, 409, "illegal-transition", "Illegal state transition", e.getMessage(),
                List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e, HttpServerRequest request) {
        return ProblemMappers.respond(request, 422, "unprocessable", "Request cannot be applied", e.getMessage(),
                e.violations(), Map.of());
    }
}
