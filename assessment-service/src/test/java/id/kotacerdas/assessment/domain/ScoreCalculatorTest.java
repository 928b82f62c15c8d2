package id.kotacerdas.assessment.domain;

import static id.kotacerdas.assessment.domain.TestFrameworks.criterion;
import static id.kotacerdas.assessment.domain.TestFrameworks.d;
import static org.assertj.core.api.Assertions.assertThat;

import id.kotacerdas.assessment.domain.FrameworkContent.Indicator;
import id.kotacerdas.assessment.domain.ScoreCalculator.IndicatorResult;
import id.kotacerdas.assessment.domain.ScoreCalculator.RegionScore;
import id.kotacerdas.assessment.domain.ScoreCalculator.Sheet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreCalculatorTest {

    static Sheet sheet(String assessor, String... codeValue) {
        List<IndicatorScore> scores = new ArrayList<>();
        for (int i = 0; i < codeValue.length; i += 2) {
            scores.add(new IndicatorScore(codeValue[i], d(codeValue[i + 1]), null));
        }
        return new Sheet(assessor, scores);
    }

    @Test
    void weightedMeansPerLevelGiveTheRegionsScoreWithItsBreakdown() {
        RegionScore score = ScoreCalculator.score(TestFrameworks.nested(), List.of(
                sheet("x", "a1", "5", "a2", "3", "a3", "4", "b1", "2"),
                sheet("y", "a1", "4", "a2", "3", "a3", "5", "b1", "3")));
        // a1 4.5 → 87.5, a2 3 → 50, a3 4.5 → 87.5, b1 2.5 → 37.5; A1 = 76.25, A2 = 87.5, A = 81.875, B = 37.5
        assertThat(score.exact()).isEqualByComparingTo("64.125");
        assertThat(score.score()).isEqualByComparingTo("64.13").hasScaleOf(2);
        assertThat(score.assessorCount()).isEqualTo(2);
        assertThat(score.complete()).isTrue();
        assertThat(score.criteria()).extracting(c -> c.code(), c -> c.score(), c -> c.contribution())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", d("81.88"), d("49.13")),
                        org.assertj.core.groups.Tuple.tuple("B", d("37.50"), d("15.00")));
        assertThat(score.criteria().get(0).subDimensions()).extracting(p -> p.code(), p -> p.score())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A1", d("76.25")),
                        org.assertj.core.groups.Tuple.tuple("A2", d("87.50")));
    }

    @Test
    void theSpreadOfTheAssessorsScoresIsVisible() {
        RegionScore score = ScoreCalculator.score(TestFrameworks.nested(), List.of(
                sheet("x", "a1", "5", "a2", "3", "a3", "4", "b1", "1"),
                sheet("y", "a1", "4", "a2", "3", "a3", "5", "b1", "5"),
                sheet("z", "a1", "3", "a2", "3", "a3", "5", "b1", "3")));
        IndicatorResult b1 = score.indicators().stream().filter(i -> i.code().equals("b1")).findFirst().orElseThrow();
        assertThat(b1.count()).isEqualTo(3);
        assertThat(b1.mean()).isEqualByComparingTo("3");
        assertThat(b1.min()).isEqualByComparingTo("1");
        assertThat(b1.max()).isEqualByComparingTo("5");
        assertThat(b1.spread()).isEqualByComparingTo("4");
        assertThat(b1.values()).extracting(ScoreCalculator.AssessorValue::assessor).containsExactly("x", "y", "z");
    }

    @Test
    void roundingIsAppliedOnceAtTheEnd() {
        // one indicator, three assessors 5, 4, 4: mean 4.333… → 83.333…; rounding the mean first (4.33) would give 83.25
        FrameworkContent single = new FrameworkContent("one", null, null, List.of(TestFrameworks.oneToFive()),
                List.of(criterion("K", "100", TestFrameworks.indicator("k", "100"))));
        RegionScore score = ScoreCalculator.score(single, List.of(sheet("x", "k", "5"), sheet("y", "k", "4"),
                sheet("z", "k", "4")));
        assertThat(score.score()).isEqualByComparingTo("83.33");
    }

    @Test
    void lowerIsBetterTurnsTheScaleAround() {
        Indicator days = new Indicator("d", "Days to a permit", null, d("100"), IndicatorType.ORDINAL, "days",
                Direction.LOWER_IS_BETTER, "five");
        FrameworkContent framework = new FrameworkContent("lower", null, null, List.of(TestFrameworks.oneToFive()),
                List.of(new FrameworkContent.Criterion("K", "K", null, d("100"), List.of(), List.of(days))));
        assertThat(ScoreCalculator.score(framework, List.of(sheet("x", "d", "2"))).score()).isEqualByComparingTo("75.00");
        assertThat(ScoreCalculator.score(framework, List.of(sheet("x", "d", "5"))).score()).isEqualByComparingTo("0.00");
    }

    @Test
    void anUnscoredIndicatorCountsZeroAndMakesTheResultIncomplete() {
        RegionScore score = ScoreCalculator.score(TestFrameworks.equalThirds(), List.of(sheet("x", "k1", "5", "k2", "5")));
        assertThat(score.complete()).isFalse();
        assertThat(score.score()).isEqualByComparingTo("66.66");
    }
}
