package id.kotacerdas.assessment.domain;

import id.kotacerdas.assessment.domain.FrameworkContent.Criterion;
import id.kotacerdas.assessment.domain.FrameworkContent.Indicator;
import id.kotacerdas.assessment.domain.FrameworkContent.Scale;
import id.kotacerdas.assessment.domain.FrameworkContent.ScaleLevel;
import id.kotacerdas.assessment.domain.FrameworkContent.SubDimension;
import java.math.BigDecimal;
import java.util.List;

/** Small frameworks for the domain's unit tests. */
final class TestFrameworks {

    private TestFrameworks() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static Scale oneToFive() {
        return new Scale("five", List.of(level("1"), level("2"), level("3"), level("4"), level("5")));
    }

    static ScaleLevel level(String value) {
        return new ScaleLevel(d(value), "Level " + value, null, null);
    }

    static Indicator indicator(String code, String weight) {
        return new Indicator(code, "Indicator " + code, null, d(weight), IndicatorType.ORDINAL, null,
                Direction.HIGHER_IS_BETTER, "five");
    }

    static Criterion criterion(String code, String weight, Indicator... indicators) {
        return new Criterion(code, "Criterion " + code, null, d(weight), List.of(), List.of(indicators));
    }

    /**
     * A (weight 60): sub-dimensions A1 (50: indicators a1 70, a2 30) and A2 (50: a3 100); B (40): b1 100.
     */
    static FrameworkContent nested() {
        Criterion a = new Criterion("A", "Criterion A", null, d("60"), List.of(
                new SubDimension("A1", "Sub A1", null, d("50"), List.of(indicator("a1", "70"), indicator("a2", "30"))),
                new SubDimension("A2", "Sub A2", null, d("50"), List.of(indicator("a3", "100")))), List.of());
        return new FrameworkContent("Nested", null, null, List.of(oneToFive()),
                List.of(a, criterion("B", "40", indicator("b1", "100"))));
    }

    /** Three criteria of equal weight, one indicator each: K1, K2, K3 (33.33, 33.33, 33.34). */
    static FrameworkContent equalThirds() {
        return new FrameworkContent("Thirds", null, null, List.of(oneToFive()), List.of(
                criterion("K1", "33.33", indicator("k1", "100")),
                criterion("K2", "33.33", indicator("k2", "100")),
                criterion("K3", "33.34", indicator("k3", "100"))));
    }

    static Scale zeroToFive() {
        return new Scale("zero-five", List.of(level("0"), level("1"), level("2"), level("3"), level("4"), level("5")));
    }

    /** Pillar weights within a dimension: 100/6 to 4 decimals. */
    static final String[] PILLAR_WEIGHTS = { "16.6667", "16.6667", "16.6667", "16.6667", "16.6666", "16.6666" };

    /**
     * An evaluation framework: the five dimensions with the given weights, each divided into the six pillars (equal
     * weights), one indicator per cell coded {@code DIMENSION.PILLAR} on a 0–5 scale.
     */
    static FrameworkContent evaluation(String... dimensionWeights) {
        List<Criterion> criteria = new java.util.ArrayList<>();
        EvaluationDimension[] dimensions = EvaluationDimension.values();
        for (int d = 0; d < dimensions.length; d++) {
            List<SubDimension> cells = new java.util.ArrayList<>();
            Pillar[] pillars = Pillar.values();
            for (int p = 0; p < pillars.length; p++) {
                String code = dimensions[d] + "." + pillars[p];
                cells.add(new SubDimension(code + ".cell", code, null, d(PILLAR_WEIGHTS[p]),
                        List.of(new Indicator(code, code, null, d("100"), IndicatorType.ORDINAL, null,
                                Direction.HIGHER_IS_BETTER, "zero-five")), pillars[p]));
            }
            criteria.add(new Criterion(dimensions[d].name(), dimensions[d].name(), null, d(dimensionWeights[d]), cells,
                    List.of()));
        }
        return new FrameworkContent("Evaluation", null, null, List.of(zeroToFive()), criteria,
                FrameworkPurpose.EVALUATION);
    }

    /** Sleman's published weights: 10/20/30/30/10. */
    static FrameworkContent sleman() {
        return evaluation("10", "20", "30", "30", "10");
    }
}
