package id.kotacerdas.agreement.domain;

/** How an MoU came to be drafted. */
public enum MouOrigin {
    /** Drafted automatically when assessment-service published {@code RegionSelected}. */
    REGION_SELECTED,
    /** Drafted by the ministry by hand (e.g. a past year's MoU). */
    MINISTRY
}
