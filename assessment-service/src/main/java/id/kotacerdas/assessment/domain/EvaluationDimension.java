package id.kotacerdas.assessment.domain;

/**
 * The five dimensions of the yearly evaluation ("Pedoman Evaluasi (Versi 2.0) 2021", a result-based evaluation):
 * the criteria of an {@link FrameworkPurpose#EVALUATION evaluation framework}, in this order.
 */
public enum EvaluationDimension {
    /** Improvement relative to the previous evaluation; at the first evaluation, the condition before joining. */
    BASELINE,
    /** Foundations: policy, institutions and budget prepared for the smart city. */
    OUTPUT,
    /** Execution of the plans in the masterplan. */
    OUTCOME,
    /** Benefits felt by citizens: better services, participation, sustainability. */
    IMPACT,
    /** The level of innovation and creativity of the quick-win programmes. */
    QUICK_WIN
}
