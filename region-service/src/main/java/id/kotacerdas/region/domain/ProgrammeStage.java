package id.kotacerdas.region.domain;

/**
 * Where a region stands in the programme, derived from the set of its timeline facts ({@link StageDerivation}), never
 * from the event that happened to arrive last. In the order a region normally goes through them.
 */
public enum ProgrammeStage {
    /** No programme fact at all (or only facts that do not put the region in the programme). */
    NOT_IN_PROGRAMME,
    /** Invited to an assessment cycle, nothing submitted yet. */
    INVITED,
    /** Self-assessment submitted or scored; no decision yet. */
    ASSESSED,
    /** The cycle's confirmed selection did not take the region (and it has no programme year). */
    NOT_SELECTED,
    /** In the cohort of its programme year (selection, result letter or cohort record); no MoU signed yet. */
    SELECTED,
    /** The year's MoU is signed and in force; no bimtek stage held yet. */
    MOU_SIGNED,
    /** At least one bimtek stage held, not all four. */
    BIMTEK,
    /** All four bimtek stages held. */
    BIMTEK_COMPLETED,
    /** The masterplan was submitted for review (also while a revision is requested). */
    MASTERPLAN_SUBMITTED,
    /** The reviewers approved the masterplan; not ratified yet. */
    MASTERPLAN_APPROVED,
    /** The region enacted its masterplan (Perwali/Perbup/Pergub/Perda/SK). */
    MASTERPLAN_RATIFIED,
    /** An evaluation (monev) of the programme year or later was published. */
    EVALUATED,
    /** The year's MoU expired or was terminated before the masterplan was ratified (and none is in force). */
    MOU_ENDED
}
