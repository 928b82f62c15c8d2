package id.kotacerdas.assessment.domain;

/**
 * The cancellation of a stuck assessment cycle, or of one invitation to it (issue 18 item 3), with a reason. A cycle
 * is cancelled from any state before its selection is confirmed (not SELECTED, CLOSED or CANCELLED); an invitation
 * while its cycle still could be, unless it was declined or cancelled already. Kept apart from the shared
 * {@link CycleStateMachine}, which moves a cycle one step forward in its order: CANCELLED is not a step of that
 * order, and a plain transition never reaches it.
 */
public final class AssessmentCancellation {

    /** The longest reason, in characters. */
    public static final int MAX_REASON = 2000;

    private AssessmentCancellation() {
    }

    /** Whether a cycle in {@code state} may be cancelled; {@link StateConflictException} naming the state otherwise. */
    public static void verify(CycleState state) {
        if (state.isFinal()) {
            throw new StateConflictException(state.name(), "The cycle is in state " + state
                    + "; it cannot change any more, and so cannot be cancelled.");
        }
        if (!state.cancellable()) {
            throw new StateConflictException(state.name(), "The cycle is in state " + state
                    + "; its selection is confirmed and published, and so it cannot be cancelled.");
        }
    }

    /**
     * Whether an invitation in {@code status} to a cycle in {@code cycleState} may be cancelled:
     * {@link StateConflictException} naming the cycle's state (SELECTED, CLOSED, CANCELLED: its region's outcome is
     * settled or the cycle is over) or the invitation's (DECLINED, CANCELLED) otherwise.
     */
    public static void verify(CycleState cycleState, InvitationStatus status, String region) {
        if (!cycleState.cancellable()) {
            throw new StateConflictException(cycleState.name(), "The cycle is in state " + cycleState
                    + "; the invitation of " + region + " can no longer be cancelled.");
        }
        if (status != InvitationStatus.INVITED) {
            throw new StateConflictException(status.name(), region + " is no longer invited (state " + status
                    + "); there is nothing to cancel.");
        }
    }
}
