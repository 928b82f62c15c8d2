package id.kotacerdas.masterplan.domain;

/** What kind of masterplan a region has: a region can have several over time. */
public enum MasterplanKind {
    /** Made under the programme, guided by the four bimtek stages after the region's MoU. */
    GUIDED,
    /** Made by the region on its own before it joined the programme (Pangkalpinang had one in 2021). */
    SELF_MADE,
    /** A later revision of an earlier masterplan (e.g. "Jogja Smart Province 2.0"). */
    REVISION
}
