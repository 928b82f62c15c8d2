package id.kotacerdas.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} response that names the
 * field and the reason. Nothing here ever returns a stack trace.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    ResourceMethods resourceMethods;

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(request, e.status(), e.type(), e.title(), e.getMessage(), e.violations(), e.headers());
    }

    @ServerExceptionMapper
    public Response violations(ResteasyReactiveViolationException e, HttpServerRequest request) {
        return validation(e, request);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return respond(request, 400, "validation", "Invalid request", detail, violations, Map.of());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    /** Also claimed by a Quarkus built-in mapper; this one gives the problem+json shape. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpServerRequest request) {
        return jsonProblem(e, request);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, HttpServerRequest request) {
        return unauthenticated(request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(request, 403, "forbidden", "Forbidden",
                "Your roles do not allow this operation.", List.of(), Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return jsonProblem(json, request);
        }
        if (cause instanceof ProblemException problem) {
            // a parameter that could not be converted (ParamConverters): JAX-RS wraps it, in a 404 for a query parameter
            return problem(problem, request);
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (e instanceof NotFoundException || status == 405) {
            // Quarkus REST answers 404 when resource classes share a prefix and none serves the method; and its own
            // Allow lists only the matched class's methods
            Set<String> allowed = resourceMethods.allowed(request.path());
            if (!allowed.isEmpty() && !allowed.contains(request.method().name())) {
                String allow = String.join(", ", allowed);
                return respond(request, 405, "method-not-allowed", "Method Not Allowed", "Method " + request.method()
                        + " is not allowed on " + request.path() + " (allowed: " + allow + ").", List.of(), Map.of("Allow", allow));
            }
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + request.path() + ".";
            case 405 -> "Method " + request.method() + " is not allowed on " + request.path() + allowed(e) + ".";
            case 406 -> "None of the media types in Accept can be produced; use application/json.";
            case 415 -> "Content-Type " + (request.getHeader("Content-Type") == null ? "(none)" : request.getHeader("Content-Type"))
                    + " is not supported; send application/json.";
            default -> e.getMessage();
        };
        Map<String, String> headers = e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null
                ? Map.of("Allow", e.getResponse().getHeaderString("Allow"))
                : Map.of();
        return respond(request, status, slug(title), title, detail, List.of(), headers);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpServerRequest request) {
        return internalError(e, request);
    }

    /** The answer to a failure nobody expected: logged with its stack trace, {@code 500} without one. */
    static Response internalError(Throwable e, HttpServerRequest request) {
        LOG.errorf(e, "Unexpected failure serving %s %s", request.method(), request.path());
        return respond(request, 500, "internal", "Internal error",
                "The request could not be completed; quote the request id when reporting it.", List.of(), Map.of());
    }

    private static String allowed(WebApplicationException e) {
        String allow = e.getResponse() == null ? null : e.getResponse().getHeaderString("Allow");
        return allow == null ? "" : " (allowed: " + allow + ")";
    }

    private Response unauthenticated(HttpServerRequest request) {
        return respond(request, 401, "unauthorized", "Unauthorized",
                "A valid bearer token from the kotacerdas realm is required.", List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"kotacerdas\""));
    }

    private Response jsonProblem(JsonProcessingException e, HttpServerRequest request) {
        String field = e instanceof JsonMappingException mapping ? pathOf(mapping.getPath()) : "";
        String message;
        String duplicate = duplicateKey(e);
        if (e instanceof StrictJson.NotText) {
            message = e.getOriginalMessage();
        } else if (duplicate != null) {
            field = duplicate;
            message = "is given more than once; each key may appear once per object";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            field = pathOf(unknown.getPath());
            message = "unknown property";
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            message = "cannot be read as " + humanType(format.getTargetType());
        } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                && !mismatch.getPath().isEmpty()) {
            message = "must be " + humanType(mismatch.getTargetType()) + " (JSON values are not converted)";
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            message = "has the wrong type or shape";
        } else if (e instanceof MismatchedInputException && e.getOriginalMessage() != null
                && e.getOriginalMessage().startsWith("Trailing token")) {
            field = "body";
            message = "must hold one JSON value and nothing after it";
        } else {
            field = field.isEmpty() ? "body" : field;
            message = "is not well-formed JSON" + (e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return respond(request, 400, "malformed-json", "Malformed request body", field + ": " + message,
                List.of(new Violation(field, message)), Map.of());
    }

    /** The key a strict parser found twice ({@link StrictJson}), as a field path, or {@code null}. */
    static String duplicateKey(JsonProcessingException e) {
        String original = e.getOriginalMessage();
        if (original == null || !original.startsWith("Duplicate field '")) {
            return null;
        }
        String path = null;
        if (e.getProcessor() instanceof com.fasterxml.jackson.core.JsonParser parser) {
            path = fieldPath(parser.getParsingContext().pathAsPointer().toString());
        }
        if (path == null || path.isEmpty()) {
            path = original.substring("Duplicate field '".length(), original.length() - 1);
        }
        return path;
    }

    /** A JSON pointer ({@code /terms/scope/0}) as the suite names fields ({@code terms.scope[0]}). */
    static String fieldPath(String pointer) {
        StringBuilder out = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                out.append('[').append(name).append(']');
            } else {
                out.append(out.isEmpty() ? "" : ".").append(name);
            }
        }
        return out.toString();
    }

    private static String humanType(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return type.getSimpleName();
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    /** The field path as a client sees it: without the Java method and the body parameter name. */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            boolean leaf = i == nodes.size() - 1;
            if (node.getKind() == ElementKind.PARAMETER && !leaf) {
                continue; // the request body: its properties are the fields
            }
            if (node.getIndex() != null && !out.isEmpty()) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    /** A problem+json response for this request (used by the other mapper classes of the platform). */
    public static Response respond(HttpServerRequest request, int status, String type, String title, String detail,
            List<Violation> violations, Map<String, String> headers) {
        String language = request.getHeader(ProblemLanguage.ACCEPT_LANGUAGE);
        Problem problem = ProblemLanguage.localized(new Problem(URI.create(Problem.TYPE_BASE + type), title, status,
                detail, URI.create(request.path()), RequestIds.currentRequestId(), violations), language);
        Response.ResponseBuilder builder = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem)
                .header(ProblemLanguage.CONTENT_LANGUAGE, ProblemLanguage.contentLanguage(language));
        headers.forEach(builder::header);
        return builder.build();
    }
}
