package id.kotacerdas.assessment.domain;

import java.util.Optional;

/**
 * The states of an assessment cycle, in the only order a cycle passes through them:
 * {@code DRAFT → INVITING → SELF_ASSESSMENT → INTERVIEWS → SCORING → SELECTED → CLOSED}. What may happen in each
 * state is asked here, so the rules live in one place ({@link CycleStateMachine} moves a cycle).
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
    CLOSED;

    /** The one state a cycle may move to from this one; empty for {@link #CLOSED}. */
    public Optional<CycleState> next() {
        return this == CLOSED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
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
