package id.kotacerdas.assessment.domain;

/**
 * The states of an evaluation (monev) cycle, in the only order a cycle passes through them
 * ({@link CycleStateMachine#EVALUATION}), like an assessment cycle's:
 * {@code DRAFT → SELF_ASSESSMENT → INTERVIEWS → SCORING → PUBLISHED → CLOSED}. Opening (DRAFT → SELF_ASSESSMENT)
 * fixes the regions due; PUBLISHED is reached only by publishing the results. What each state allows is asked here.
 */
public enum EvaluationState {
    /** Being prepared: the ministry adds regions by hand; the due list is a preview. Visible to the ministry and auditors. */
    DRAFT,
    /** Opened: the regions due are fixed (more can be added by hand); regions fill in their self-assessment. */
    SELF_ASSESSMENT,
    /** The interviews: assessors score. */
    INTERVIEWS,
    /** Assessors finish their scores; the ministry reads the provisional results. */
    SCORING,
    /** The results are published: index, dimension and pillar scores, ranks, result letters. */
    PUBLISHED,
    /** Finished; nothing changes any more. */
    CLOSED,
    /**
     * Cancelled with a reason from any state but the final ones ({@link EvaluationCancellation}); nothing changes any
     * more. Not a step of the order: reached only by {@code POST .../cancellation}.
     */
    CANCELLED;

    /** Whether nothing changes any more (CLOSED, CANCELLED). */
    public boolean isFinal() {
        return this == CLOSED || this == CANCELLED;
    }

    public boolean acceptsRegions() {
        return this == DRAFT || this == SELF_ASSESSMENT;
    }

    public boolean acceptsSelfAssessments() {
        return this == SELF_ASSESSMENT;
    }

    public boolean acceptsScores() {
        return this == INTERVIEWS || this == SCORING;
    }

    /** Whether provisional scores exist (assessors may have scored). */
    public boolean scores() {
        return this == INTERVIEWS || this == SCORING;
    }

    public boolean acceptsPublication() {
        return this == SCORING;
    }

    public boolean resultsPublished() {
        return this == PUBLISHED || this == CLOSED;
    }
}
