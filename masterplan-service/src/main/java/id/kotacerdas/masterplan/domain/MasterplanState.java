package id.kotacerdas.masterplan.domain;

/** Where a masterplan is on its way from the region's draft to the regional regulation that enacts it. */
public enum MasterplanState {
    /** The region writes it (the bimtek stages guide the writing). */
    DRAFT,
    /** Handed in for review: a version is frozen. */
    SUBMITTED,
    /** The ministry's reviewers are reading it. */
    IN_REVIEW,
    /** Sent back with the reviewers' comments per section; the region edits and submits again. */
    REVISION_REQUESTED,
    /** Accepted by the reviewers; the region may enact it. */
    APPROVED,
    /** Enacted by a regional regulation (Perwali, Perbup, Pergub, Perda) or a decree (SK). */
    RATIFIED
}
