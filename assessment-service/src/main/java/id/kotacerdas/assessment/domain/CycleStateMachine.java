package id.kotacerdas.assessment.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves a cycle through the states of its kind, listed in the only order a cycle passes through them: one step
 * forward at a time, never back, never skipping. One state is <em>gated</em>: it is reached only by the act that
 * publishes the cycle's results, never as a plain transition — SELECTED for an assessment cycle
 * ({@link #ASSESSMENT}: confirming the selection), PUBLISHED for an evaluation cycle ({@link #EVALUATION}: publishing
 * the results). Every refusal is a {@link StateConflictException} naming the current state and what it may become.
 *
 * @param <S> the states, declared in their order
 */
public final class CycleStateMachine<S extends Enum<S>> {

    /**
     * Assessment cycles ({@link CycleState}); SELECTED by confirming the selection. CANCELLED is not in the order
     * ({@link AssessmentCancellation}).
     */
    public static final CycleStateMachine<CycleState> ASSESSMENT = new CycleStateMachine<>(CycleState.class,
            CycleState.SELECTED, "by confirming the selection (POST .../selection)", CycleState.CANCELLED);

    /** Evaluation cycles ({@link EvaluationState}); PUBLISHED by publishing the results. */
    public static final CycleStateMachine<EvaluationState> EVALUATION = new CycleStateMachine<>(EvaluationState.class,
            EvaluationState.PUBLISHED, "by publishing the results (POST .../publication)", null);

    private final List<S> order;
    private final S gated;
    private final String gate;
    /** A state outside the order (reached by an act of its own, never as anyone's next state); null: none. */
    private final S apart;

    private CycleStateMachine(Class<S> states, S gated, String gate, S apart) {
        this.order = java.util.Arrays.stream(states.getEnumConstants()).filter(s -> s != apart).toList();
        this.gated = gated;
        this.gate = gate;
        this.apart = apart;
    }

    /** The one state a cycle may move to from {@code current}; empty for the last. */
    public Optional<S> next(S current) {
        int i = order.indexOf(current);
        if (i < 0) {
            return Optional.empty();
        }
        return i + 1 < order.size() ? Optional.of(order.get(i + 1)) : Optional.empty();
    }

    /**
     * Checks a requested transition.
     *
     * @param byGate whether the transition is the act that reaches the gated state
     */
    public void verify(S current, S target, boolean byGate) {
        Objects.requireNonNull(target, "target");
        if (current == target) {
            throw new StateConflictException(current.name(), "The cycle is already in state " + current + ".");
        }
        S next = next(current).orElse(null);
        if (next == null) {
            throw new StateConflictException(current.name(), "The cycle is in state " + current
                    + "; it cannot change any more.");
        }
        if (target == apart) {
            throw new StateConflictException(current.name(), "The cycle is in state " + current + "; it becomes "
                    + apart + " only with a reason (POST .../cancellation), not by a transition.");
        }
        if (target != next) {
            throw new StateConflictException(current.name(), "The cycle is in state " + current + "; from " + current
                    + " it can only move to " + next + ", not to " + target + ".");
        }
        if (target == gated && !byGate) {
            throw new StateConflictException(current.name(), "The cycle is in state " + current + "; it moves to "
                    + gated + " only " + gate + ".");
        }
    }

    /** An assessment cycle's transition ({@link #ASSESSMENT}). */
    public static void check(CycleState current, CycleState target, boolean bySelection) {
        ASSESSMENT.verify(current, target, bySelection);
    }
}
