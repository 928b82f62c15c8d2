package id.kotacerdas.agreement.domain;

/** A national signing ceremony is planned until the ministry records that it took place. */
public enum CeremonyState {
    PLANNED,
    HELD
}
