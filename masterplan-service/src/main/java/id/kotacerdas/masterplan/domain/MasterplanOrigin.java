package id.kotacerdas.masterplan.domain;

/** How the masterplan work was opened. */
public enum MasterplanOrigin {
    /** By the region's signed MoU ({@code id.kotacerdas.agreement.MouSigned.v1}). */
    MOU_SIGNED,
    /** By the ministry by hand (past years, earlier self-made masterplans, revisions). */
    MANUAL
}
