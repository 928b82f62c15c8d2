package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a recorded assessment outcome that need no database: a known score or rank is given, an unknown one
 * is not ({@code scoreKnown} false with a score is a contradiction, not a guess), and the acts are in order — submitted
 * not before invited, the outcome not before the submission (else the invitation) — precision-aware
 * ({@link Occurred#notBefore}).
 */
public final class RecordedOutcomeRules {

    private RecordedOutcomeRules() {
    }

    /** Whether a value is known: as said, else whether it is given. */
    public static boolean known(Boolean said, Object value) {
        return said != null ? said : value != null;
    }

    /** The violations of the score and rank against what is said known. */
    public static List<Violation> knownValues(BigDecimal score, Boolean scoreKnown, Integer rank, Boolean rankKnown) {
        List<Violation> out = new ArrayList<>();
        if (known(scoreKnown, score) && score == null) {
            out.add(new Violation("score", "is required when scoreKnown is true"));
        } else if (!known(scoreKnown, score) && score != null) {
            out.add(new Violation("score", "must be null when scoreKnown is false (an unknown score is not given)"));
        } else if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0
                || score.scale() > 2)) {
            out.add(new Violation("score", "must be 0–100 with at most 2 decimals"));
        }
        if (known(rankKnown, rank) && rank == null) {
            out.add(new Violation("rank", "is required when rankKnown is true"));
        } else if (!known(rankKnown, rank) && rank != null) {
            out.add(new Violation("rank", "must be null when rankKnown is false (an unknown rank is not given)"));
        } else if (rank != null && rank < 1) {
            out.add(new Violation("rank", "must be at least 1"));
        }
        return out;
    }

    /** Refuses (400 naming the field) acts out of order: submitted before invited, the outcome before either. */
    public static void inOrder(Occurred invited, Occurred submitted, Occurred outcome) {
        inOrder(invited, submitted, outcome, "");
    }

    /** As {@link #inOrder(Occurred, Occurred, Occurred)}, the fields named with {@code prefix} (e.g. {@code changes.}). */
    public static void inOrder(Occurred invited, Occurred submitted, Occurred outcome, String prefix) {
        if (submitted != null) {
            submitted.notBefore(prefix + "submitted", invited, "the invitation");
        }
        if (submitted != null) {
            outcome.notBefore(prefix + "occurred", submitted, "the submission");
        } else {
            outcome.notBefore(prefix + "occurred", invited, "the invitation");
        }
    }
}
