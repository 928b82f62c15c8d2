package id.kotacerdas.masterplan.domain;

/** How the masterplan work was opened (reads: {@code openedFrom}; {@code origin} is LIVE or RECORDED). */
public enum MasterplanOrigin {
    /** By the region's signed MoU ({@code id.kotacerdas.agreement.MouSigned.v1}). */
    MOU_SIGNED,
    /** By the ministry by hand (past years, earlier self-made masterplans, revisions). */
    MANUAL,
    /** Recorded from its sources, known only by its ratification ({@code POST /api/v1/recorded-masterplans}). */
    RECORDED
}
