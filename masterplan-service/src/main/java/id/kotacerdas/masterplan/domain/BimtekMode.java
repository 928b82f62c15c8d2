package id.kotacerdas.masterplan.domain;

/** How a bimtek stage is held. */
public enum BimtekMode {
    /** In person, at a venue. */
    OFFLINE,
    /** Online (video conference). */
    ONLINE,
    /** At a venue with participants also online. */
    HYBRID
}
