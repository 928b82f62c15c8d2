package id.kotacerdas.masterplan.domain;

/** A bimtek stage is planned, then held, or cancelled and then rescheduled. */
public enum BimtekStageState {
    PLANNED, HELD, CANCELLED
}
