package id.kotacerdas.assessment.domain;

import java.util.Optional;

/**
 * The states of an assessment cycle, in the only order a cycle passes through them:
 * {@code DRAFT → INVITING → SELF_ASSESSMENT → INTERVIEWS → SCORING → SELECTED → CLOSED}, and {@link #CANCELLED},
 * which is not a step of that order (a stuck cycle is cancelled with a reason, {@link AssessmentCancellation}).
 * What may happen in each state is asked here, so the rules live in one place ({@link CycleStateMachine} moves a
 * cycle).
 */
public enum CycleState {
    /** Being prepared: schedule, quotas and framework can still change. Nothing is visible to regions. */
    DRAFT,
    /** Opened: the ministry invites regions; invited regions may start their self-assessment or decline. */
    INVITING,
    /** Invitations are closed; regions fill in and submit their self-assessment until the deadline. */
    SELF_ASSESSMENT,
    /** The assessment event: interviews and the regional heads' presentations; assessors score. */
    INTERVIEWS,
    /** Assessors finish their scores; the ranking and the proposed selection are read. */
    SCORING,
    /** The ministry confirmed the selection: results are published. */
    SELECTED,
    /** Finished; nothing changes any more. */
    CLOSED,
    /**
     * Cancelled with a reason from any state before SELECTED ({@link AssessmentCancellation}); nothing changes any
     * more. Not a step of the order: reached only by {@code POST .../cancellation}, never anyone's next state.
     */
    CANCELLED;

    /** The one state a cycle may move to from this one; empty for {@link #CLOSED} and {@link #CANCELLED}. */
    public Optional<CycleState> next() {
        return CycleStateMachine.ASSESSMENT.next(this);
    }

    /** Whether nothing changes any more (CLOSED, CANCELLED). */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }

    /** Whether a cycle in this state may still be cancelled: not once its selection is confirmed (SELECTED, CLOSED). */
    public boolean cancellable() {
        return !isFinal() && this != SELECTED;
    }

    public boolean editable() {
        return this == DRAFT || this == INVITING;
    }

    public boolean acceptsInvitations() {
        return this == INVITING;
    }

    /** Whether an invited region may still decline. */
    public boolean acceptsDeclines() {
        return this == INVITING || this == SELF_ASSESSMENT;
    }

    public boolean acceptsSelfAssessments() {
        return this == INVITING || this == SELF_ASSESSMENT;
    }

    public boolean acceptsScores() {
        return this == INTERVIEWS || this == SCORING;
    }

    /** Whether a ranking can be computed (scores may exist). */
    public boolean ranks() {
        return this == INTERVIEWS || this == SCORING || resultsPublished();
    }

    public boolean acceptsSelection() {
        return this == SCORING;
    }

    /** Results are public once the selection is confirmed. */
    public boolean resultsPublished() {
        return this == SELECTED || this == CLOSED;
    }
}
