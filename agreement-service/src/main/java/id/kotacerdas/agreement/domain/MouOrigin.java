package id.kotacerdas.agreement.domain;

/** How a live MoU came to be drafted ({@code draftedFrom}); a recorded MoU was never drafted here. */
public enum MouOrigin {
    /** Drafted automatically when assessment-service published {@code RegionSelected}. */
    REGION_SELECTED,
    /** Drafted by the ministry by hand (e.g. a past year's MoU). */
    MINISTRY
}
