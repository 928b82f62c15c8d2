package id.kotacerdas.assessment.domain;

/**
 * An invited region takes part unless it declines, or the ministry cancels its invitation (with a reason, while the
 * cycle's selection is not confirmed: {@link AssessmentCancellation}).
 */
public enum InvitationStatus {
    INVITED,
    DECLINED,
    CANCELLED
}
