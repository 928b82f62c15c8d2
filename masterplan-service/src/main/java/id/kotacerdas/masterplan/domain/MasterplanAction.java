package id.kotacerdas.masterplan.domain;

/** What can be done to a masterplan; {@link MasterplanLifecycle} says in which states. */
public enum MasterplanAction {
    EDIT, SUBMIT, START_REVIEW, REQUEST_REVISION, APPROVE, RATIFY
}
