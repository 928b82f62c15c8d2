package id.kotacerdas.assessment.service;

import id.kotacerdas.platform.web.ProblemException;
import id.kotacerdas.platform.web.Violation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The rules every record-from-source write shares: a request with violations is refused as a whole ({@code 400}), and
 * the same natural key with different content is a {@code 409} naming the first field that differs (a correction
 * changes a recorded fact, not a second record).
 */
public final class RecordRules {

    private RecordRules() {
    }

    /** {@code 400} naming every violation, when there is any. */
    public static void valid(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(400, "validation", "Invalid request",
                    violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")),
                    List.copyOf(violations), Map.of());
        }
    }

    /** Compares one field of a stored fact with the one given again; the first that differs is the answer. */
    public static final class Comparison {

        private final String what;
        private final String correctionPath;
        private String field;
        private Object stored;
        private Object given;

        public Comparison(String what, String correctionPath) {
            this.what = what;
            this.correctionPath = correctionPath;
        }

        public Comparison field(String name, Object storedValue, Object givenValue) {
            if (field == null && !Objects.equals(storedValue, givenValue)) {
                field = name;
                stored = storedValue;
                given = givenValue;
            }
            return this;
        }

        /** The first differing field, or {@code null} when the content is the same. */
        public String differing() {
            return field;
        }

        /** {@code 409} when a field differs; nothing otherwise. */
        public void sameOrConflict() {
            if (field != null) {
                throw new ProblemException(409, "recorded-differently", "Recorded with different content",
                        what + " is already recorded with a different `" + field + "` (recorded: " + stored
                                + "; given: " + given + "). To change a recorded fact, use a correction"
                                + (correctionPath == null ? "." : ": POST " + correctionPath + "/corrections with If-Match."),
                        List.of(new Violation(field, "differs from the recorded value; use a correction")),
                        Map.of());
            }
        }
    }
}
