package id.kotacerdas.assessment.domain;

import static id.kotacerdas.assessment.domain.TestFrameworks.d;
import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.assessment.domain.ScoreCalculator.RegionScore;
import id.kotacerdas.assessment.domain.ScoreCalculator.Sheet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The yearly evaluation's index, dimension and pillar scores: weighted means on the 0–5 scale, rounded once. */
class EvaluationScoreTest {

    /** One assessor's sheet giving every cell the value {@code value(dimension, pillar)}. */
    static Sheet sheet(String assessor, BiFunction<EvaluationDimension, Pillar, String> value) {
        List<IndicatorScore> scores = new ArrayList<>();
        for (EvaluationDimension d : EvaluationDimension.values()) {
            for (Pillar p : Pillar.values()) {
                scores.add(new IndicatorScore(d + "." + p, d(value.apply(d, p)), null));
            }
        }
        return new Sheet(assessor, scores);
    }

    static BigDecimal dimension(RegionScore score, EvaluationDimension d) {
        return score.criteria().stream().filter(c -> c.code().equals(d.name())).findFirst().orElseThrow().score();
    }

    static BigDecimal pillar(RegionScore score, Pillar p) {
        return score.pillars().stream().filter(x -> x.code().equals(p.name())).findFirst().orElseThrow().score();
    }

    @Test
    void theIndexIsTheWeightedMeanOfTheDimensionsOnTheScaleItself() {
        // every cell of a dimension the same: BASELINE 4, OUTPUT 3, OUTCOME 3, IMPACT 2, QUICK_WIN 5
        Map<EvaluationDimension, String> values = Map.of(EvaluationDimension.BASELINE, "4", EvaluationDimension.OUTPUT, "3",
                EvaluationDimension.OUTCOME, "3", EvaluationDimension.IMPACT, "2", EvaluationDimension.QUICK_WIN, "5");
        RegionScore score = ScoreCalculator.score(TestFrameworks.sleman(), List.of(sheet("x", (dim, p) -> values.get(dim))));
        // 0.1×4 + 0.2×3 + 0.3×3 + 0.3×2 + 0.1×5 = 0.4 + 0.6 + 0.9 + 0.6 + 0.5 = 3.00
        assertThat(score.score()).isEqualByComparingTo("3.00");
        assertThat(dimension(score, EvaluationDimension.QUICK_WIN)).isEqualByComparingTo("5.00");
        assertThat(dimension(score, EvaluationDimension.IMPACT)).isEqualByComparingTo("2.00");
        assertThat(score.complete()).isTrue();
        // every pillar has the same cells, so each pillar's score is the index
        for (Pillar p : Pillar.values()) {
            assertThat(pillar(score, p)).isEqualByComparingTo("3.00");
        }
        assertThat(score.pillars()).extracting(ScoreCalculator.PartScore::code)
                .containsExactly("GOVERNANCE", "BRANDING", "ECONOMY", "LIVING", "SOCIETY", "ENVIRONMENT");
    }

    @Test
    void aPillarIsTheMeanOfItsCellsWeightedByTheirShareOfTheIndex() {
        // GOVERNANCE 5 in BASELINE (10 %) and 0 elsewhere; everything else 2
        RegionScore score = ScoreCalculator.score(TestFrameworks.sleman(), List.of(sheet("x",
                (dim, p) -> p == Pillar.GOVERNANCE ? (dim == EvaluationDimension.BASELINE ? "5" : "0") : "2")));
        // GOVERNANCE: (10 × 5 + 90 × 0) / 100 = 0.50; the others 2.00
        assertThat(pillar(score, Pillar.GOVERNANCE)).isEqualByComparingTo("0.50");
        assertThat(pillar(score, Pillar.SOCIETY)).isEqualByComparingTo("2.00");
        // BASELINE: (5 + 5 × 2) / 6 = 2.50 (to 4 decimals of the pillar weights: 2.500001)
        assertThat(dimension(score, EvaluationDimension.BASELINE)).isEqualByComparingTo("2.50");
    }

    @Test
    void theMeanOfTheAssessorsIsTakenPerIndicatorAndRoundedOnlyAtTheEnd() {
        // two assessors: every cell 3.33 and 3.34 → 3.335; rounded at the end (half up) → 3.34, never 3.33 + ...
        RegionScore score = ScoreCalculator.score(TestFrameworks.sleman(),
                List.of(sheet("x", (dim, p) -> "3.33"), sheet("y", (dim, p) -> "3.34")));
        assertThat(score.exact()).isEqualByComparingTo("3.335");
        assertThat(score.score()).isEqualByComparingTo("3.34");
        assertThat(score.assessorCount()).isEqualTo(2);
    }

    @Test
    void roundingOnceDiffersFromRoundingEachLevel() {
        // each dimension's exact score ends in ...5 at the third decimal: rounding them first would give a different index
        Map<EvaluationDimension, String> values = Map.of(EvaluationDimension.BASELINE, "3.005", EvaluationDimension.OUTPUT,
                "3.005", EvaluationDimension.OUTCOME, "3.005", EvaluationDimension.IMPACT, "3.005",
                EvaluationDimension.QUICK_WIN, "2.955");
        RegionScore score = ScoreCalculator.score(TestFrameworks.sleman(), List.of(sheet("x", (dim, p) -> values.get(dim))));
        // exact: 0.9 × 3.005 + 0.1 × 2.955 = 2.7045 + 0.2955 = 3.0000 (to the pillar weights' precision)
        assertThat(score.score()).isEqualByComparingTo("3.00");
        // rounded first: 0.9 × 3.01 + 0.1 × 2.96 = 3.005 → 3.01
        BigDecimal roundedFirst = d("0.9").multiply(dimension(score, EvaluationDimension.BASELINE))
                .add(d("0.1").multiply(dimension(score, EvaluationDimension.QUICK_WIN)));
        assertThat(ScoreCalculator.round(roundedFirst)).isEqualByComparingTo("3.01");
        assertThat(dimension(score, EvaluationDimension.BASELINE)).isEqualByComparingTo("3.01"); // 3.005 half up
    }

    @Test
    void halfUpRoundingOfTheIndex() {
        assertThat(ScoreCalculator.round(d("3.305"))).isEqualByComparingTo("3.31");
        assertThat(ScoreCalculator.round(d("3.3049999"))).isEqualByComparingTo("3.30");
        assertThat(ScoreCalculator.round(d("2.745"))).isEqualByComparingTo("2.75");
    }

    @Test
    void theWeightsOfTheFrameworkDecide() {
        // Jambi-like weights 15/15/30/20/20 against Sleman's on the same scores
        Map<EvaluationDimension, String> values = Map.of(EvaluationDimension.BASELINE, "1", EvaluationDimension.OUTPUT, "1",
                EvaluationDimension.OUTCOME, "1", EvaluationDimension.IMPACT, "1", EvaluationDimension.QUICK_WIN, "5");
        assertThat(ScoreCalculator.score(TestFrameworks.sleman(), List.of(sheet("x", (dim, p) -> values.get(dim)))).score())
                .isEqualByComparingTo("1.40");
        assertThat(ScoreCalculator.score(TestFrameworks.evaluation("15", "15", "30", "20", "20"),
                List.of(sheet("x", (dim, p) -> values.get(dim)))).score()).isEqualByComparingTo("1.80");
    }

    @Test
    void aReadinessFrameworkHasNoPillars() {
        RegionScore score = ScoreCalculator.score(TestFrameworks.equalThirds(), List.of(new Sheet("x", List.of(
                new IndicatorScore("k1", d("5"), null), new IndicatorScore("k2", d("5"), null),
                new IndicatorScore("k3", d("5"), null)))));
        assertThat(score.pillars()).isEmpty();
        assertThat(score.score()).isEqualByComparingTo("100.00");
    }
}
