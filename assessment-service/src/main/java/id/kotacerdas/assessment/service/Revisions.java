package id.kotacerdas.assessment.service;

import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Optimistic concurrency of updates: the caller's revision (from If-Match) must be the current one. */
final class Revisions {

    private Revisions() {
    }

    /** {@code 428} without a revision, {@code 412} with a stale one. */
    static void require(Long expected, long actual, String what) {
        if (expected == null) {
            throw new ProblemException(428, "if-match-required", "Precondition required",
                    "Send If-Match with the ETag of the " + what + " you read, so no one else's change is overwritten.",
                    List.of(new Violation("If-Match", "is required")), Map.of());
        }
        if (expected != actual) {
            throw new ProblemException(412, "stale-version", "Precondition failed",
                    "The " + what + " is at revision " + actual + ", not " + expected
                            + "; read it again and reapply your change.",
                    List.of(new Violation("If-Match", "does not match the current version")), Map.of());
        }
    }

    /** Now, to the microsecond PostgreSQL keeps. */
    static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
