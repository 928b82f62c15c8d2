package id.kotacerdas.assessment.domain;

/**
 * The cancellation of an evaluation cycle that got stuck (issue 18 item 3): from any state but the final ones (CLOSED,
 * CANCELLED) to CANCELLED, with a reason. Kept apart from the shared {@link CycleStateMachine}, which moves a cycle one
 * step forward in its order: CANCELLED is not a step of that order, and the plain transitions never reach it
 * ({@link #refuseAsTransition}).
 */
public final class EvaluationCancellation {

    public static final int MAX_REASON = 2000;

    private EvaluationCancellation() {
    }

    /** Whether a cycle in {@code state} may be cancelled; {@link StateConflictException} naming the state otherwise. */
    public static void verify(EvaluationState state) {
        if (state.isFinal()) {
            throw new StateConflictException(state.name(), "The cycle is in state " + state
                    + "; it cannot change any more, and so cannot be cancelled.");
        }
    }

    /** A plain transition neither reaches CANCELLED nor leaves a final state. */
    public static void refuseAsTransition(EvaluationState current, EvaluationState target) {
        if (current.isFinal()) {
            throw new StateConflictException(current.name(), "The cycle is in state " + current
                    + "; it cannot change any more.");
        }
        if (target == EvaluationState.CANCELLED) {
            throw new StateConflictException(current.name(), "The cycle is in state " + current
                    + "; it is cancelled only with a reason (POST .../cancellation).");
        }
    }

    /** The state a cycle shows as its next one: none from a final state. */
    public static EvaluationState next(EvaluationState current) {
        return current.isFinal() ? null : CycleStateMachine.EVALUATION.next(current)
                .filter(s -> s != EvaluationState.CANCELLED).orElse(null);
    }
}
