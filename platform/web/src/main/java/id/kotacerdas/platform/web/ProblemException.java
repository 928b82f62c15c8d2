package id.kotacerdas.platform.web;

import java.util.List;
import java.util.Map;

/**
 * A failure that becomes an RFC 9457 response. Thrown (or failed in a Uni) by resources and
 * services for every expected client error.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> violations;
    private final Map<String, String> headers;

    public ProblemException(int status, String type, String title, String detail, List<Violation> violations,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public ProblemException(int status, String type, String title, String detail) {
        this(status, type, title, detail, List.of(), Map.of());
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Violation(field, message)), Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "unprocessable", "Request cannot be applied", field + ": " + message,
                List.of(new Violation(field, message)), Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
