package id.kotacerdas.agreement.domain;

/** How a ceremony was held, or how a region took part in it from its own venue. */
public enum ParticipationMode {
    /** Online only (e.g. by Zoom). */
    VIRTUAL,
    /** Some in the room, some online (e.g. the Minister witnessing virtually). */
    HYBRID,
    /** Everyone in the same room. */
    IN_PERSON
}
