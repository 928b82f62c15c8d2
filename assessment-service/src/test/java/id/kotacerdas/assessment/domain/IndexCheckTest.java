package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The check of a published index against its dimensions and weights, and the rounding rule of every computed index. */
class IndexCheckTest {

    static final Map<String, BigDecimal> SLEMAN = weights(10, 20, 30, 30, 10);
    static final Map<String, BigDecimal> JAMBI = weights(15, 15, 30, 20, 20);

    static Map<String, BigDecimal> weights(int baseline, int output, int outcome, int impact, int quickWin) {
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        out.put("BASELINE", BigDecimal.valueOf(baseline));
        out.put("OUTPUT", BigDecimal.valueOf(output));
        out.put("OUTCOME", BigDecimal.valueOf(outcome));
        out.put("IMPACT", BigDecimal.valueOf(impact));
        out.put("QUICK_WIN", BigDecimal.valueOf(quickWin));
        return out;
    }

    static Map<EvaluationDimension, BigDecimal> dims(String baseline, String output, String outcome, String impact, String quickWin) {
        Map<EvaluationDimension, BigDecimal> out = new EnumMap<>(EvaluationDimension.class);
        out.put(EvaluationDimension.BASELINE, new BigDecimal(baseline));
        out.put(EvaluationDimension.OUTPUT, new BigDecimal(output));
        out.put(EvaluationDimension.OUTCOME, new BigDecimal(outcome));
        out.put(EvaluationDimension.IMPACT, new BigDecimal(impact));
        out.put(EvaluationDimension.QUICK_WIN, new BigDecimal(quickWin));
        return out;
    }

    @Test
    void kotaKediri2022AsPublishedDoesNotAgreeWithSlemansWeights() {
        // demo/programme-2022-2023.json: index 3.31; BASELINE 3.6, OUTPUT 3.21, OUTCOME 3.23, IMPACT 3.07, QUICK_WIN 3.65
        IndexCheck c = IndexCheck.of(new BigDecimal("3.31"), dims("3.60", "3.21", "3.23", "3.07", "3.65"), SLEMAN,
                "kominfo-evaluation v1");
        assertThat(c.computedExact()).isEqualByComparingTo("3.257");
        assertThat(c.computedIndex()).isEqualByComparingTo("3.26");
        assertThat(c.publishedIndex()).isEqualByComparingTo("3.31");
        assertThat(c.difference()).isEqualByComparingTo("0.053");
        assertThat(c.agrees()).isFalse();
        assertThat(c.framework()).isEqualTo("kominfo-evaluation v1");
        assertThat(c.weights()).containsEntry(EvaluationDimension.OUTCOME, BigDecimal.valueOf(30));
        // with QUICK_WIN 3.6 (as the brief quoted it): 3.252 → 3.25, still not 3.31
        IndexCheck brief = IndexCheck.of(new BigDecimal("3.31"), dims("3.6", "3.21", "3.23", "3.07", "3.6"), SLEMAN, "v1");
        assertThat(brief.computedIndex()).isEqualByComparingTo("3.25");
        assertThat(brief.agrees()).isFalse();
        // nor with the Jambi weights (v2, Baseline/Output split assumed): 3.3345 → 3.33
        IndexCheck jambi = IndexCheck.of(new BigDecimal("3.31"), dims("3.60", "3.21", "3.23", "3.07", "3.65"), JAMBI, "v2");
        assertThat(jambi.computedIndex()).isEqualByComparingTo("3.33");
        assertThat(jambi.agrees()).isFalse();
    }

    @Test
    void anIndexWithinTheRoundingOfItsFiguresAgrees() {
        IndexCheck exact = IndexCheck.of(new BigDecimal("3.07"), dims("3.07", "3.07", "3.07", "3.07", "3.07"), SLEMAN, "v1");
        assertThat(exact.agrees()).isTrue();
        assertThat(exact.difference()).isEqualByComparingTo("0");
        // exact 3.257: published 3.26 agrees, and so does 3.25 (0.007 ≤ 0.01); 3.27 (0.013) does not
        Map<EvaluationDimension, BigDecimal> kediri = dims("3.60", "3.21", "3.23", "3.07", "3.65");
        assertThat(IndexCheck.of(new BigDecimal("3.26"), kediri, SLEMAN, "v1").agrees()).isTrue();
        assertThat(IndexCheck.of(new BigDecimal("3.25"), kediri, SLEMAN, "v1").agrees()).isTrue();
        assertThat(IndexCheck.of(new BigDecimal("3.27"), kediri, SLEMAN, "v1").agrees()).isFalse();
        // the boundary: exactly 0.01 agrees, 0.011 does not (exact 3.00)
        Map<EvaluationDimension, BigDecimal> three = dims("3", "3", "3", "3", "3");
        assertThat(IndexCheck.of(new BigDecimal("3.01"), three, SLEMAN, "v1").agrees()).isTrue();
        assertThat(IndexCheck.of(new BigDecimal("2.99"), three, SLEMAN, "v1").agrees()).isTrue();
        assertThat(IndexCheck.of(new BigDecimal("3.02"), three, SLEMAN, "v1").agrees()).isFalse();
    }

    @Test
    void figuresComputedByTheRuleAndThenRoundedAlwaysAgree() {
        // any true dimensions (4 decimals), the true index their weighted mean, both published rounded half up to 2
        // decimals: the check never flags them, with either framework's weights
        java.util.Random random = new java.util.Random(18);
        for (int i = 0; i < 20_000; i++) {
            Map<EvaluationDimension, BigDecimal> truth = new EnumMap<>(EvaluationDimension.class);
            Map<EvaluationDimension, BigDecimal> published = new EnumMap<>(EvaluationDimension.class);
            for (EvaluationDimension d : EvaluationDimension.values()) {
                BigDecimal v = BigDecimal.valueOf(random.nextInt(50_001), 4);
                truth.put(d, v);
                published.put(d, ScoreCalculator.round(v));
            }
            Map<String, BigDecimal> w = i % 2 == 0 ? SLEMAN : JAMBI;
            BigDecimal trueIndex = IndexCheck.of(BigDecimal.ZERO, truth, w, "t").computedExact();
            IndexCheck c = IndexCheck.of(ScoreCalculator.round(trueIndex), published, w, "t");
            assertThat(c.agrees()).as("%s → %s", truth, trueIndex).isTrue();
            assertThat(c.difference().abs()).isLessThanOrEqualTo(IndexCheck.TOLERANCE);
        }
    }

    @Test
    void noCheckWithoutTheFiveDimensionsOrTheWeights() {
        assertThat(IndexCheck.of(new BigDecimal("3.06"), Map.of(), SLEMAN, "v1")).isNull();
        assertThat(IndexCheck.of(new BigDecimal("3.06"), null, SLEMAN, "v1")).isNull();
        Map<EvaluationDimension, BigDecimal> four = dims("3", "3", "3", "3", "3");
        four.remove(EvaluationDimension.QUICK_WIN);
        assertThat(IndexCheck.of(new BigDecimal("3.00"), four, SLEMAN, "v1")).isNull();
        assertThat(IndexCheck.of(new BigDecimal("3.00"), dims("3", "3", "3", "3", "3"), null, "v1")).isNull();
    }

    @Test
    void everyComputedIndexIsRoundedOnceToTwoDecimalsHalfUp() {
        assertThat(ScoreCalculator.round(new BigDecimal("3.255"))).isEqualByComparingTo("3.26"); // half up
        assertThat(ScoreCalculator.round(new BigDecimal("3.245"))).isEqualByComparingTo("3.25"); // not half even (3.24)
        assertThat(ScoreCalculator.round(new BigDecimal("3.2549999"))).isEqualByComparingTo("3.25");
        assertThat(ScoreCalculator.round(new BigDecimal("3.257"))).isEqualByComparingTo("3.26");
        assertThat(ScoreCalculator.round(new BigDecimal("3")).scale()).isEqualTo(2);
        assertThat(ScoreCalculator.DECIMALS).isEqualTo(2);
        assertThat(ScoreCalculator.ROUNDING).isEqualTo(java.math.RoundingMode.HALF_UP);
    }
}
