package id.kotacerdas.masterplan.domain;

/** What can be done to a bimtek stage; {@link BimtekLifecycle} says in which states. */
public enum BimtekAction {
    RESCHEDULE, HOLD, CANCEL, RECORD_ATTENDANCE
}
