package id.kotacerdas.assessment.domain;

/** Which end of an indicator's scale is the better one. */
public enum Direction {
    /** A higher value on the scale is better (maturity levels, shares of services online). */
    HIGHER_IS_BETTER,
    /** A lower value on the scale is better (e.g. days to issue a permit). */
    LOWER_IS_BETTER
}
