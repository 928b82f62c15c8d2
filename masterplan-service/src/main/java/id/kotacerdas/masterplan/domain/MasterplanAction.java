package id.kotacerdas.masterplan.domain;

/** What can be done to a masterplan; {@link MasterplanLifecycle} says in which states. */
public enum MasterplanAction {
    EDIT, SUBMIT, START_REVIEW, REQUEST_REVISION, APPROVE, RATIFY,
    /** The ratification is withdrawn (issue 18): it should never have been recorded; the plan is APPROVED again. */
    WITHDRAW_RATIFICATION
}
