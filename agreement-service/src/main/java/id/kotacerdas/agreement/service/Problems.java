package id.kotacerdas.agreement.service;

import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The problems the use cases of this service raise, in one shape. */
final class Problems {

    private Problems() {
    }

    /** {@code 400} naming each invalid field; nothing when the list holds none. */
    static void badRequestIfAny(List<Violation> violations) {
        List<Violation> found = violations.stream().filter(Objects::nonNull).toList();
        if (!found.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request", describe(found), found, Map.of());
        }
    }

    /** {@code 422}: the request is well-formed but the record does not allow it yet. */
    static ProblemException unprocessable(String detail, List<Violation> violations) {
        return new ProblemException(422, "unprocessable", "Request cannot be applied",
                detail + " " + describe(violations), violations, Map.of());
    }

    /** {@code 409} naming the field that collides. */
    static ProblemException conflict(String field, String message) {
        return new ProblemException(409, "conflict", "Conflict", field + ": " + message,
                List.of(new Violation(field, message)), Map.of());
    }

    /** {@code 409}: the fact is withdrawn, a state that allows neither a correction nor another withdrawal. */
    static ProblemException withdrawn(String message) {
        return new ProblemException(409, "illegal-transition", "Illegal state transition", "withdrawn: " + message,
                List.of(new Violation("withdrawn", message)), Map.of());
    }

    static ProblemException ifMatchRequired(String what) {
        return new ProblemException(428, "if-match-required", "Precondition required",
                "Send If-Match with the ETag of the " + what + " you read, so no one else's change is overwritten.",
                List.of(new Violation("If-Match", "is required")), Map.of());
    }

    static ProblemException stale(String what, long current, long expected) {
        return new ProblemException(412, "stale-version", "Precondition failed",
                "The " + what + " is at version " + current + ", not " + expected + "; read it again and reapply your change.",
                List.of(new Violation("If-Match", "does not match the current version")), Map.of());
    }

    private static String describe(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }
}
