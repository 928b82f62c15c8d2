package id.kotacerdas.assessment.domain;

/**
 * What kind of answer an indicator takes. Assessors always score on the indicator's scale; the type says what a
 * region's own answer (its self-assessment) is and how it maps onto that scale.
 */
public enum IndicatorType {
    /** The answer is a level of the scale itself (a maturity level, a Likert point). */
    ORDINAL,
    /** The answer is a measurement in the indicator's unit; each scale level has thresholds that map it to the level. */
    NUMERIC,
    /** Like {@link #NUMERIC}, a share from 0 to 100. */
    PERCENTAGE,
    /** The answer is 0 (no) or 1 (yes); the scale has the levels 0 and 1. */
    YES_NO;

    /** Whether a measured answer is mapped to a level by the levels' thresholds. */
    public boolean measured() {
        return this == NUMERIC || this == PERCENTAGE;
    }
}
