package id.kotacerdas.masterplan.service;

import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The optimistic-concurrency rules every update follows, and the service's notion of "now". */
final class Preconditions {

    private Preconditions() {
    }

    /** {@code 428} when an update came without {@code If-Match}. */
    static void requireIfMatch(Long expected, String what) {
        if (expected == null) {
            throw new ProblemException(428, "if-match-required", "Precondition required",
                    "Send If-Match with the ETag of the " + what + " you read, so no one else's change is overwritten.",
                    List.of(new Violation("If-Match", "is required")), Map.of());
        }
    }

    /** {@code 412} when the caller's version (from {@code If-Match}, if sent) is not the current one. */
    static void checkVersion(long current, Long expected, String what) {
        if (expected != null && current != expected) {
            throw new ProblemException(412, "stale-version", "Precondition failed",
                    "The " + what + " is at version " + current + ", not " + expected
                            + "; read it again and reapply your change.",
                    List.of(new Violation("If-Match", "does not match the current version")), Map.of());
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
