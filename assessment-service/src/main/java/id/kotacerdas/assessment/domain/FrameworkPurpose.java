package id.kotacerdas.assessment.domain;

/**
 * What a framework measures, and so how its scores are read. A readiness framework ranks the candidates of an
 * assessment cycle on 0–100 of their scales; an evaluation framework gives the yearly evaluation (monev) its index,
 * dimension and pillar scores on the framework's own scale (e.g. 0–5), its criteria being the five
 * {@link EvaluationDimension}s and its sub-dimensions the six {@link Pillar}s ({@link FrameworkRules}).
 */
public enum FrameworkPurpose {
    /** The readiness assessment: criteria of any number; scores placed on 0–100. */
    READINESS,
    /** The yearly evaluation: the five dimensions × the six pillars; scores on the indicators' scale. */
    EVALUATION
}
