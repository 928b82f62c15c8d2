package id.kotacerdas.assessment.domain;

import java.util.Objects;

/**
 * Moves an assessment cycle through {@link CycleState}: one step forward at a time, never back, never skipping.
 * {@code SCORING → SELECTED} happens only by confirming the selection (it publishes the results), never as a plain
 * transition. Every refusal is a {@link StateConflictException} naming the current state and what it may become.
 */
public final class CycleStateMachine {

    private CycleStateMachine() {
    }

    /**
     * Checks a requested transition.
     *
     * @param bySelection whether the transition is the confirmation of the selection
     */
    public static void check(CycleState current, CycleState target, boolean bySelection) {
        Objects.requireNonNull(target, "target");
        if (current == target) {
            throw new StateConflictException(current.name(), "The cycle is already in state " + current + ".");
        }
        CycleState next = current.next().orElse(null);
        if (next == null) {
            throw new StateConflictException(current.name(), "The cycle is in state CLOSED; it cannot change any more.");
        }
        if (target != next) {
            throw new StateConflictException(current.name(), "The cycle is in state " + current + "; from " + current
                    + " it can only move to " + next + ", not to " + target + ".");
        }
        if (target == CycleState.SELECTED && !bySelection) {
            throw new StateConflictException(current.name(), "The cycle is in state " + current
                    + "; it moves to SELECTED only by confirming the selection (POST .../selection).");
        }
    }
}
