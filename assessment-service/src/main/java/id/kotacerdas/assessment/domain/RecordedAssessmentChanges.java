package id.kotacerdas.assessment.domain;

import id.kotacerdas.platform.time.Occurred;
import id.kotacerdas.platform.web.Violation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The fields a correction changes of a recorded assessment outcome, with the same names and rules as when it is
 * recorded: {@code outcome}, {@code score}, {@code scoreKnown}, {@code rank}, {@code rankKnown}, {@code invited},
 * {@code submitted}, {@code occurred}, {@code assessmentYear}. {@code given} names the fields the correction gives: a
 * field not given is left as it is; {@code invited}, {@code submitted} and {@code assessmentYear} given as null become
 * unknown; {@code scoreKnown}/{@code rankKnown} false makes the value unknown. The natural key (programme year, track,
 * region) is not among them. {@link #check} gives the violations of a change that breaks a rule of a record (naming
 * {@code changes.<field>}, or {@code changes} when empty); {@link #result} the outcome as it would stand, and
 * {@link #previous} the changed fields' earlier values (empty: a no-op).
 */
public record RecordedAssessmentChanges(Set<String> given, RecordedAssessment.Outcome outcome, BigDecimal score,
        Boolean scoreKnown, Integer rank, Boolean rankKnown, Occurred invited, Occurred submitted, Occurred occurred,
        Integer assessmentYear) {

    /** The fields a correction may change. */
    public static final List<String> CORRECTABLE = List.of("outcome", "score", "scoreKnown", "rank", "rankKnown",
            "invited", "submitted", "occurred", "assessmentYear");
    /** The natural key: not corrected (withdraw the outcome and record it again). */
    public static final List<String> IDENTITY = List.of("programmeYear", "track", "regionCode");

    public RecordedAssessmentChanges {
        given = given == null ? Set.of() : Set.copyOf(given);
    }

    /** The outcome as it would stand after these changes: computed by {@link #check}. */
    public record Result(RecordedAssessment.Outcome outcome, BigDecimal score, Integer rank, Occurred invited,
            Occurred submitted, Occurred occurred, Integer assessmentYear) {
    }

    private boolean has(String field) {
        return given.contains(field);
    }

    /**
     * The violations of these changes to {@code a} by the rules of a record, each naming {@code changes.<field>}
     * ({@code changes} when none is given); the dates are checked by {@link #result}.
     */
    public List<Violation> check(RecordedAssessment a) {
        List<Violation> out = new ArrayList<>();
        if (given.isEmpty()) {
            out.add(new Violation("changes", "is empty: give at least one of " + String.join(", ", CORRECTABLE)));
            return out;
        }
        if (has("outcome") && outcome == null) {
            out.add(new Violation("changes.outcome", "must be SELECTED or NOT_SELECTED"));
        }
        if (has("occurred") && occurred == null) {
            out.add(new Violation("changes.occurred", "is required: when the outcome happened (it cannot become unknown)"));
        }
        if (has("scoreKnown") && scoreKnown == null) {
            out.add(new Violation("changes.scoreKnown", "must be true or false"));
        }
        if (has("rankKnown") && rankKnown == null) {
            out.add(new Violation("changes.rankKnown", "must be true or false"));
        }
        RecordedOutcomeRules.knownValues(newScore(a), newScoreKnown(a), newRank(a), newRankKnown(a))
                .forEach(v -> out.add(new Violation("changes." + v.field(), v.message())));
        if (has("assessmentYear") && assessmentYear != null
                && (assessmentYear < 2016 || assessmentYear > a.programmeYear)) {
            out.add(new Violation("changes.assessmentYear", "must be 2016 to the programme year " + a.programmeYear));
        }
        return out;
    }

    // the score and rank as they would stand: a value given is known (unless said unknown), "unknown" clears it
    private BigDecimal newScore(RecordedAssessment a) {
        return has("score") ? score : Boolean.FALSE.equals(scoreKnown) ? null : a.score;
    }

    private Boolean newScoreKnown(RecordedAssessment a) {
        return scoreKnown != null ? scoreKnown : has("score") ? Boolean.valueOf(score != null) : Boolean.valueOf(a.scoreKnown);
    }

    private Integer newRank(RecordedAssessment a) {
        return has("rank") ? rank : Boolean.FALSE.equals(rankKnown) ? null : a.rank;
    }

    private Boolean newRankKnown(RecordedAssessment a) {
        return rankKnown != null ? rankKnown : has("rank") ? Boolean.valueOf(rank != null) : Boolean.valueOf(a.rankKnown);
    }

    /**
     * The outcome as it would stand after these ({@link #check}ed) changes: the dates checked as on record and in
     * order (a {@code 400} naming {@code changes.<field>}). Compare with {@link #previous} for a no-op.
     */
    public Result result(RecordedAssessment a, Clock clock) {
        Occurred newInvited = has("invited") ? (invited == null ? null : invited.checked("changes.invited", clock))
                : a.invited();
        Occurred newSubmitted = has("submitted")
                ? (submitted == null ? null : submitted.checked("changes.submitted", clock)) : a.submitted();
        Occurred newOccurred = has("occurred") ? occurred.checked("changes.occurred", clock) : a.occurred();
        RecordedOutcomeRules.inOrder(newInvited, newSubmitted, newOccurred, "changes.");
        BigDecimal newScore = newScore(a);
        return new Result(has("outcome") ? outcome : a.outcome, newScore == null ? null : newScore.setScale(2),
                newRank(a), newInvited, newSubmitted, newOccurred,
                has("assessmentYear") ? assessmentYear : a.assessmentYear);
    }

    /** The changed fields' values before the change, in a stable order; empty for a no-op. */
    public static Map<String, Object> previous(RecordedAssessment a, Result r) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (r.outcome() != a.outcome) {
            out.put("outcome", a.outcome.name());
        }
        if (!sameNumber(r.score(), a.score)) {
            out.put("score", a.score);
            out.put("scoreKnown", a.scoreKnown);
        }
        if (!Objects.equals(r.rank(), a.rank)) {
            out.put("rank", a.rank);
            out.put("rankKnown", a.rankKnown);
        }
        if (!Objects.equals(r.invited(), a.invited())) {
            out.put("invited", a.invited());
        }
        if (!Objects.equals(r.submitted(), a.submitted())) {
            out.put("submitted", a.submitted());
        }
        if (!Objects.equals(r.occurred(), a.occurred())) {
            out.put("occurred", a.occurred());
        }
        if (!Objects.equals(r.assessmentYear(), a.assessmentYear)) {
            out.put("assessmentYear", a.assessmentYear);
        }
        return out;
    }

    private static boolean sameNumber(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }

    /** Applies a checked result to {@code a}. */
    public static void apply(RecordedAssessment a, Result r) {
        a.outcome = r.outcome();
        a.score = r.score();
        a.scoreKnown = r.score() != null;
        a.rank = r.rank();
        a.rankKnown = r.rank() != null;
        a.setInvited(r.invited());
        a.setSubmitted(r.submitted());
        a.setOccurred(r.occurred());
        a.assessmentYear = r.assessmentYear();
    }

    /** The outcome's correctable value, as kept in its revisions. */
    public static Map<String, Object> valueOf(RecordedAssessment a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("programmeYear", a.programmeYear);
        out.put("track", a.track.name());
        out.put("regionCode", a.regionCode);
        out.put("regionName", a.regionName);
        out.put("assessmentYear", a.assessmentYear);
        out.put("outcome", a.outcome.name());
        out.put("score", a.score);
        out.put("scoreKnown", a.scoreKnown);
        out.put("rank", a.rank);
        out.put("rankKnown", a.rankKnown);
        out.put("invited", a.invited());
        out.put("submitted", a.submitted());
        out.put("occurred", a.occurred());
        out.put("sources", SourceList.items(a.sources));
        return out;
    }
}
