package id.kotacerdas.assessment.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whether a published index is what its published dimension scores and the framework's dimension weights give.
 * <p>
 * The computed index is {@code Σ weight × dimension / 100} over the five dimensions, exact ({@code computedExact}), and
 * shown rounded the way every index is rounded here: once, to {@value ScoreCalculator#DECIMALS} decimals, half up
 * ({@link ScoreCalculator#round}). <b>Tolerance 0.01</b>: the published dimensions are each rounded to 2 decimals (each
 * off by at most 0.005; the weights add up to 100 %, so their weighted mean is off by at most 0.005), and the published
 * index is itself rounded (at most 0.005 more). Figures that were computed by the rule therefore always satisfy
 * {@code |computedExact − published| ≤ 0.01}; anything further is a disagreement. The published figures are never
 * changed: the check only flags them.
 *
 * @param computedIndex the weighted mean of the published dimensions, rounded to 2 decimals half up
 * @param computedExact the same, not rounded
 * @param publishedIndex the index as published (kept)
 * @param difference {@code publishedIndex − computedExact}
 * @param tolerance the largest difference that rounding explains (0.01)
 * @param agrees whether {@code |difference| ≤ tolerance}
 * @param framework the framework version whose weights were used, e.g. {@code kominfo-evaluation v1}
 * @param weights the dimension weights used (percentages)
 * @param rule the rule in words
 */
public record IndexCheck(BigDecimal computedIndex, BigDecimal computedExact, BigDecimal publishedIndex,
        BigDecimal difference, BigDecimal tolerance, boolean agrees, String framework,
        Map<EvaluationDimension, BigDecimal> weights, String rule) {

    public static final BigDecimal TOLERANCE = new BigDecimal("0.01");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static final String RULE = "computedIndex = Σ weight × dimension / 100 over the published dimensions with "
            + "the framework's dimension weights, rounded once to 2 decimals half up; the published index agrees when "
            + "|published − exact weighted mean| ≤ 0.01 (each published dimension is rounded to 2 decimals, ±0.005 on "
            + "their weighted mean, and the published index too, ±0.005). A disagreeing index is kept as published "
            + "and flagged.";

    /**
     * The check of a published index against its dimensions; {@code null} when the dimensions are not published (or
     * not all five), or no weights are known.
     *
     * @param weights the dimension weights by dimension name (percentages adding up to 100)
     */
    public static IndexCheck of(BigDecimal publishedIndex, Map<EvaluationDimension, BigDecimal> dimensions,
            Map<String, BigDecimal> weights, String framework) {
        if (publishedIndex == null || dimensions == null || weights == null) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        Map<EvaluationDimension, BigDecimal> used = new EnumMap<>(EvaluationDimension.class);
        for (EvaluationDimension d : EvaluationDimension.values()) {
            BigDecimal value = dimensions.get(d);
            BigDecimal weight = weights.get(d.name());
            if (value == null || weight == null) {
                return null;
            }
            used.put(d, weight);
            sum = sum.add(weight.multiply(value));
        }
        BigDecimal exact = sum.divide(HUNDRED, ScoreCalculator.EXACT).stripTrailingZeros();
        if (exact.scale() < 0) {
            exact = exact.setScale(0);
        }
        BigDecimal difference = publishedIndex.subtract(exact);
        return new IndexCheck(ScoreCalculator.round(exact), exact, publishedIndex, difference, TOLERANCE,
                difference.abs().compareTo(TOLERANCE) <= 0, framework, new LinkedHashMap<>(used), RULE);
    }
}
