package id.kotacerdas.assessment.domain;

/** Why a region is due for the yearly evaluation. */
public enum DueBasis {
    /** Its masterplan was ratified (MasterplanRatified): due from the year after the ratification. */
    MASTERPLAN_RATIFIED,
    /** Its programme year is past (MouSigned of that programme year): due from the year after it. */
    PROGRAMME_YEAR,
    /** The ministry added it by hand. */
    MANUAL
}
