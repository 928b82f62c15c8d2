package id.kotacerdas.assessment.domain;

/** What the selection decided for one invited region, and why. */
public enum SelectionOutcome {
    /** Within the seats by rank, as proposed, and confirmed. */
    SELECTED(true),
    /** Not proposed, selected by the ministry with a reason. */
    SELECTED_BY_ADJUSTMENT(true),
    /** Ranked below the seats of its track. */
    BELOW_QUOTA(false),
    /** Ranked within reach, but its province had reached the maximum per province. */
    PROVINCE_LIMIT(false),
    /** Proposed, removed by the ministry with a reason. */
    REMOVED_BY_ADJUSTMENT(false),
    /** Invited and not declined, but never scored (no submission, or no assessor scored it). */
    NOT_SCORED(false);

    private final boolean selected;

    SelectionOutcome(boolean selected) {
        this.selected = selected;
    }

    public boolean selected() {
        return selected;
    }
}
