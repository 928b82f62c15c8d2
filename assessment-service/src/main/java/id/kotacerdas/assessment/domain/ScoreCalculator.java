package id.kotacerdas.assessment.domain;

import id.kotacerdas.assessment.domain.FrameworkContent.Criterion;
import id.kotacerdas.assessment.domain.FrameworkContent.Indicator;
import id.kotacerdas.assessment.domain.FrameworkContent.Scale;
import id.kotacerdas.assessment.domain.FrameworkContent.SubDimension;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A region's score from its assessors' scores, computed from the framework:
 * <ol>
 * <li>per indicator, the mean of the assessors' scores (each assessor counts once; min, max and spread are kept
 * so that disagreement is visible);</li>
 * <li>a readiness framework places the mean on 0–100: {@code (mean − lowest) / (highest − lowest) × 100} of the
 * indicator's scale, or {@code (highest − mean) / (highest − lowest) × 100} when lower is better; an evaluation
 * framework keeps it on the scale itself (e.g. 0–5; {@code lowest + highest − mean} when lower is better);</li>
 * <li>a sub-dimension is the weighted mean of its indicators, a criterion that of its sub-dimensions (or
 * indicators), the region's score that of the criteria: {@code Σ weight × score / 100} (weights are percentages
 * that add up to 100 at each level);</li>
 * <li>everything is computed with 34 significant digits and <b>rounded once, at the end</b>, to 2 decimals, half
 * up. The breakdown's figures are rounded the same way for display, each from its exact value, so the rounded
 * contributions may differ from the rounded total by a hundredth.</li>
 * </ol>
 * An evaluation framework's sub-dimensions are the cells dimension × pillar; a <b>pillar's score</b> is the weighted
 * mean of its cells across the dimensions, each weighted by its share of the index (dimension weight × cell weight),
 * so that the index is also the weighted mean of the pillars. Exact, and rounded once like the rest.
 * An indicator nobody scored contributes 0 and makes the result incomplete.
 */
public final class ScoreCalculator {

    public static final int DECIMALS = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    static final MathContext EXACT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ScoreCalculator() {
    }

    /** One assessor's scores of one region. */
    public record Sheet(String assessor, List<IndicatorScore> scores) {
    }

    /** The spread of one indicator's scores. */
    public record IndicatorResult(String code, String name, String criterionCode, int count, List<AssessorValue> values,
            BigDecimal mean, BigDecimal min, BigDecimal max, BigDecimal spread, BigDecimal normalised) {
    }

    public record AssessorValue(String assessor, BigDecimal value, String note) {
    }

    /** A sub-dimension's part. */
    public record PartScore(String code, String name, BigDecimal weight, BigDecimal exact) {
        public BigDecimal score() {
            return round(exact);
        }
    }

    /** A criterion's part of the region's score. */
    public record CriterionScore(String code, String name, BigDecimal weight, BigDecimal exact, List<PartScore> subDimensions) {
        /** The criterion's own score, 0–100, rounded for display. */
        public BigDecimal score() {
            return round(exact);
        }

        /** What the criterion adds to the region's score ({@code weight × score / 100}), rounded for display. */
        public BigDecimal contribution() {
            return round(exact.multiply(weight, EXACT).divide(HUNDRED, EXACT));
        }
    }

    /**
     * A region's score (0–100 for readiness; on the framework's scale for an evaluation, the index) with its breakdown;
     * {@code pillars} are an evaluation's pillar scores (empty for readiness).
     */
    public record RegionScore(BigDecimal exact, int assessorCount, boolean complete, List<CriterionScore> criteria,
            List<IndicatorResult> indicators, List<PartScore> pillars) {
        /** The score as published: rounded once, from the exact value. */
        public BigDecimal score() {
            return round(exact);
        }
    }

    public static BigDecimal round(BigDecimal exact) {
        return exact.setScale(DECIMALS, ROUNDING);
    }

    public static RegionScore score(FrameworkContent framework, List<Sheet> sheets) {
        Map<String, List<AssessorValue>> byIndicator = new HashMap<>();
        for (Sheet sheet : sheets) {
            for (IndicatorScore s : sheet.scores()) {
                if (s.value() != null) {
                    byIndicator.computeIfAbsent(s.indicatorCode(), k -> new ArrayList<>())
                            .add(new AssessorValue(sheet.assessor(), s.value(), s.note()));
                }
            }
        }
        List<IndicatorResult> indicators = new ArrayList<>();
        Map<String, BigDecimal> normalised = new HashMap<>();
        boolean complete = true;
        for (Criterion criterion : framework.criteria()) {
            for (Indicator indicator : (Iterable<Indicator>) criterion.allIndicators()::iterator) {
                List<AssessorValue> values = byIndicator.getOrDefault(indicator.code(), List.of());
                IndicatorResult result = indicatorResult(framework.scaleOf(indicator), indicator, criterion.code(), values,
                        framework.evaluation());
                complete &= result.count() > 0;
                indicators.add(result);
                normalised.put(indicator.code(), result.normalised() == null ? BigDecimal.ZERO : result.normalised());
            }
        }
        List<CriterionScore> criteria = new ArrayList<>();
        Map<Pillar, BigDecimal[]> pillarSums = new EnumMap<>(Pillar.class); // {Σ share × score, Σ share}
        BigDecimal total = BigDecimal.ZERO;
        for (Criterion criterion : framework.criteria()) {
            List<PartScore> parts = new ArrayList<>();
            BigDecimal exact;
            if (criterion.subDimensions().isEmpty()) {
                exact = weighted(criterion.indicators(), normalised);
            } else {
                exact = BigDecimal.ZERO;
                for (SubDimension sub : criterion.subDimensions()) {
                    BigDecimal subScore = weighted(sub.indicators(), normalised);
                    parts.add(new PartScore(sub.code(), sub.name(), sub.weight(), subScore));
                    if (sub.pillar() != null) {
                        BigDecimal share = criterion.weight().multiply(sub.weight(), EXACT);
                        BigDecimal[] sums = pillarSums.computeIfAbsent(sub.pillar(),
                                p -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
                        sums[0] = sums[0].add(share.multiply(subScore, EXACT), EXACT);
                        sums[1] = sums[1].add(share, EXACT);
                    }
                    exact = exact.add(sub.weight().multiply(subScore, EXACT).divide(HUNDRED, EXACT), EXACT);
                }
            }
            criteria.add(new CriterionScore(criterion.code(), criterion.name(), criterion.weight(), exact, parts));
            total = total.add(criterion.weight().multiply(exact, EXACT).divide(HUNDRED, EXACT), EXACT);
        }
        List<PartScore> pillars = new ArrayList<>();
        pillarSums.forEach((pillar, sums) -> pillars.add(new PartScore(pillar.name(), pillar.name(), null,
                sums[0].divide(sums[1], EXACT))));
        return new RegionScore(total, sheets.size(), complete, criteria, indicators, List.copyOf(pillars));
    }

    private static BigDecimal weighted(List<Indicator> indicators, Map<String, BigDecimal> normalised) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Indicator indicator : indicators) {
            sum = sum.add(indicator.weight().multiply(normalised.get(indicator.code()), EXACT)
                    .divide(HUNDRED, EXACT), EXACT);
        }
        return sum;
    }

    private static IndicatorResult indicatorResult(Scale scale, Indicator indicator, String criterionCode,
            List<AssessorValue> values, boolean onScale) {
        if (values.isEmpty()) {
            return new IndicatorResult(indicator.code(), indicator.name(), criterionCode, 0, List.of(), null, null, null,
                    null, null);
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal min = values.get(0).value();
        BigDecimal max = min;
        for (AssessorValue v : values) {
            sum = sum.add(v.value(), EXACT);
            min = min.min(v.value());
            max = max.max(v.value());
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(values.size()), EXACT);
        boolean lowerIsBetter = indicator.direction() == Direction.LOWER_IS_BETTER;
        if (onScale) {
            BigDecimal placed = lowerIsBetter ? scale.min().add(scale.max()).subtract(mean) : mean;
            return new IndicatorResult(indicator.code(), indicator.name(), criterionCode, values.size(),
                    List.copyOf(values), mean, min, max, max.subtract(min), placed);
        }
        BigDecimal range = scale.max().subtract(scale.min());
        BigDecimal fromBottom = indicator.direction() == Direction.LOWER_IS_BETTER ? scale.max().subtract(mean)
                : mean.subtract(scale.min());
        BigDecimal placed = fromBottom.multiply(HUNDRED, EXACT).divide(range, EXACT);
        return new IndicatorResult(indicator.code(), indicator.name(), criterionCode, values.size(), List.copyOf(values),
                mean, min, max, max.subtract(min), placed);
    }
}
