package id.kotacerdas.assessment.domain;

/** A framework version is edited as a draft and frozen when published; cycles use only published versions. */
public enum FrameworkStatus {
    DRAFT,
    PUBLISHED
}
