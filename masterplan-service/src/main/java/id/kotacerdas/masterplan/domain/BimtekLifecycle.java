package id.kotacerdas.masterplan.domain;

import static id.kotacerdas.masterplan.domain.BimtekStageState.CANCELLED;
import static id.kotacerdas.masterplan.domain.BimtekStageState.HELD;
import static id.kotacerdas.masterplan.domain.BimtekStageState.PLANNED;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the four bimtek stages: each stage's own state machine,
 *
 * <pre>
 * (scheduled) PLANNED --hold--> HELD
 *                |  ^
 *         cancel |  | reschedule
 *                v  |
 *             CANCELLED
 * </pre>
 *
 * (a planned stage may also be rescheduled to other dates; attendance can be recorded while planned or held), and the
 * order between stages: stage n+1 cannot be held before stage n was, and cannot start before stage n ended.
 */
public final class BimtekLifecycle {

    public static final int FIRST_STAGE = 1;
    public static final int LAST_STAGE = 4;

    private static final Map<BimtekAction, Move> MOVES = new EnumMap<>(BimtekAction.class);

    private record Move(Set<BimtekStageState> from, BimtekStageState to) {
    }

    static {
        MOVES.put(BimtekAction.RESCHEDULE, new Move(Set.of(PLANNED, CANCELLED), PLANNED));
        MOVES.put(BimtekAction.HOLD, new Move(Set.of(PLANNED), HELD));
        MOVES.put(BimtekAction.CANCEL, new Move(Set.of(PLANNED), CANCELLED));
        MOVES.put(BimtekAction.RECORD_ATTENDANCE, new Move(Set.of(PLANNED, HELD), null));
    }

    private BimtekLifecycle() {
    }

    /** The purpose of each stage as the programme runs it (assembled from regional reports, DOMAIN.md §5). */
    public static String purposeOf(int stage) {
        return switch (stage) {
            case 1 -> "Smart city policy and institutions (kelembagaan, tata kelola); readiness, gap and SWOT analysis of"
                    + " struktur, infrastruktur and suprastruktur; vision, mission and objectives";
            case 2 -> "Review of Buku 1 (strategic analysis per pillar); programmes and action plans; quick-win planning";
            case 3 -> "Development framework per pillar; medium- and long-term roadmap; quick wins for the first year";
            case 4 -> "Recap and review of the roadmap; chapter-by-chapter review of the document; signing of the"
                    + " commitment sheet by the regional head and OPD heads; final quick wins";
            default -> throw new IllegalArgumentException("No bimtek stage " + stage);
        };
    }

    public static BimtekStageState apply(int stage, BimtekStageState state, BimtekAction action) {
        Move move = MOVES.get(action);
        if (!move.from().contains(state)) {
            throw IllegalTransitionException.of("bimtek stage " + stage, state, action, move.from());
        }
        return move.to() == null ? state : move.to();
    }

    public static boolean allows(BimtekStageState state, BimtekAction action) {
        return MOVES.get(action).from().contains(state);
    }

    /** What a stage needs of the stage before it: its state, and its last day. */
    public record Previous(BimtekStageState state, LocalDate endDate) {
    }

    /**
     * Why stage {@code stage} cannot be held now, given the stage before it (empty for stage 1 or when nothing stands
     * in the way); {@code previous} is empty when that stage was never scheduled.
     */
    public static Optional<IllegalTransitionException> holdBlockedBy(int stage, Optional<Previous> previous) {
        if (stage == FIRST_STAGE) {
            return Optional.empty();
        }
        if (previous.isEmpty()) {
            return Optional.of(new IllegalTransitionException("bimtek stage " + (stage - 1), "NOT_SCHEDULED",
                    "Bimtek stage " + stage + " cannot be held before stage " + (stage - 1)
                            + ", which is not even scheduled."));
        }
        if (previous.get().state() != HELD) {
            return Optional.of(new IllegalTransitionException("bimtek stage " + (stage - 1), previous.get().state().name(),
                    "Bimtek stage " + stage + " cannot be held before stage " + (stage - 1) + ", which is "
                            + previous.get().state() + "."));
        }
        return Optional.empty();
    }

    /**
     * Why stage {@code stage} cannot start on {@code startDate}, given the (not cancelled) stage before it: it must
     * start after that stage's last day.
     */
    public static Optional<String> startBlockedBy(int stage, LocalDate startDate, Optional<Previous> previous) {
        if (stage == FIRST_STAGE || previous.isEmpty() || previous.get().state() == CANCELLED
                || previous.get().endDate() == null) {
            return Optional.empty();
        }
        if (!startDate.isAfter(previous.get().endDate())) {
            return Optional.of("must be after the last day of stage " + (stage - 1) + " (" + previous.get().endDate() + ")");
        }
        return Optional.empty();
    }

    /** Why stage {@code stage} cannot end on {@code endDate}, given the (not cancelled) stage after it, which starts later. */
    public static Optional<String> endBlockedBy(int stage, LocalDate endDate, Optional<Next> next) {
        if (stage == LAST_STAGE || next.isEmpty() || next.get().state() == CANCELLED || next.get().startDate() == null) {
            return Optional.empty();
        }
        if (!endDate.isBefore(next.get().startDate())) {
            return Optional.of("must be before the first day of stage " + (stage + 1) + " (" + next.get().startDate() + ")");
        }
        return Optional.empty();
    }

    /** What a stage needs of the stage after it. */
    public record Next(BimtekStageState state, LocalDate startDate) {
    }
}
