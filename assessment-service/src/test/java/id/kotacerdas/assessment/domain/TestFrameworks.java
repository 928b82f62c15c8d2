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
}
