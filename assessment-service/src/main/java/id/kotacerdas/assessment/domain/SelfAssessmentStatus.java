package id.kotacerdas.assessment.domain;

/** A self-assessment is a draft until its one submission; then it is read-only. */
public enum SelfAssessmentStatus {
    DRAFT,
    SUBMITTED
}
