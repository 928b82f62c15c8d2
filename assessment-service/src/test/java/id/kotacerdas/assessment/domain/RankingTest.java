package id.kotacerdas.assessment.domain;

import static id.kotacerdas.assessment.domain.ScoreCalculatorTest.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.kotacerdas.assessment.domain.Ranking.Candidate;
import id.kotacerdas.assessment.domain.Ranking.Entry;
import id.kotacerdas.assessment.domain.SelectionPlanner.Adjustment;
import id.kotacerdas.assessment.domain.SelectionPlanner.Decision;
import id.kotacerdas.platform.web.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

    static final FrameworkContent THIRDS = TestFrameworks.equalThirds();

    static Candidate candidate(String code, Track track, String k1, String k2, String k3) {
        String province = code.substring(0, 2);
        return new Candidate(code, "Region " + code, province, track,
                ScoreCalculator.score(THIRDS, List.of(sheet("x", "k1", k1, "k2", k2, "k3", k3))));
    }

    @Test
    void tiesAreBrokenByTheHeaviestCriterionFirstThenFrameworkOrderThenRegionCode() {
        List<Entry> ranking = Ranking.rank(THIRDS, List.of(
                candidate("51.02", Track.KAB_KOTA, "4", "4", "4"), // 75.00
                candidate("18.71", Track.KAB_KOTA, "4", "4", "4"), // 75.00
                candidate("18.72", Track.KAB_KOTA, "5", "3", "4"), // 33.33 + 16.665 + 25.005 = 75.00
                candidate("13.77", Track.KAB_KOTA, "5", "5", "4"))); // highest
        assertThat(ranking).extracting(Entry::regionCode).containsExactly("13.77", "18.72", "18.71", "51.02");
        assertThat(ranking).extracting(Entry::rank).containsExactly(1, 2, 3, 4);
        assertThat(ranking.get(1).score()).isEqualByComparingTo(ranking.get(2).score());
        // K3 (33.34) is the heaviest and equal (75.00 each); K1 comes next in framework order and decides
        assertThat(ranking.get(1).tieBreak()).contains("18.71").contains("criterion K1").contains("100.00 vs 75.00");
        assertThat(ranking.get(2).tieBreak()).contains("51.02").contains("lower region code");
        assertThat(ranking.get(0).tieBreak()).isNull();
        assertThat(ranking.get(3).tieBreak()).isNull();
        assertThat(Ranking.tieOrder(THIRDS)).extracting(FrameworkContent.Criterion::code).containsExactly("K3", "K1", "K2");
    }

    static Map<Track, List<Entry>> ranked() {
        return Ranking.rankByTrack(THIRDS, List.of(
                candidate("18.72", Track.KAB_KOTA, "5", "5", "5"),
                candidate("18.71", Track.KAB_KOTA, "5", "5", "4"),
                candidate("51.02", Track.KAB_KOTA, "5", "4", "4"),
                candidate("51.03", Track.KAB_KOTA, "4", "4", "4"),
                candidate("18", Track.PROVINCE, "5", "5", "5"),
                candidate("51", Track.PROVINCE, "4", "4", "4")));
    }

    @Test
    void theProposalTakesTheTopWithinTheSeatsAndTheMaximumPerProvince() {
        List<Decision> proposal = SelectionPlanner.propose(ranked(), new Quotas(2, 1, 1));
        assertThat(proposal).extracting(d -> d.entry().regionCode(), Decision::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("18.72", SelectionOutcome.SELECTED),
                org.assertj.core.groups.Tuple.tuple("18.71", SelectionOutcome.PROVINCE_LIMIT),
                org.assertj.core.groups.Tuple.tuple("51.02", SelectionOutcome.SELECTED),
                org.assertj.core.groups.Tuple.tuple("51.03", SelectionOutcome.BELOW_QUOTA),
                org.assertj.core.groups.Tuple.tuple("18", SelectionOutcome.SELECTED),
                org.assertj.core.groups.Tuple.tuple("51", SelectionOutcome.BELOW_QUOTA));
        assertThat(SelectionPlanner.propose(ranked(), new Quotas(2, 1, null)))
                .filteredOn(Decision::selected).extracting(d -> d.entry().regionCode())
                .containsExactly("18.72", "18.71", "18");
    }

    @Test
    void theMinistryAdjustsWithAReasonWithinTheSeats() {
        List<Decision> confirmed = SelectionPlanner.confirm(ranked(), new Quotas(2, 1, 1), List.of(
                new Adjustment("51.03", true, "regional balance"), new Adjustment("51.02", false, "withdrew")));
        assertThat(confirmed).filteredOn(Decision::selected).extracting(d -> d.entry().regionCode(), Decision::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("18.72", SelectionOutcome.SELECTED),
                        org.assertj.core.groups.Tuple.tuple("51.03", SelectionOutcome.SELECTED_BY_ADJUSTMENT),
                        org.assertj.core.groups.Tuple.tuple("18", SelectionOutcome.SELECTED));
        assertThat(confirmed).filteredOn(d -> d.entry().regionCode().equals("51.02")).first()
                .satisfies(d -> assertThat(d.reason()).contains("withdrew"));
    }

    @Test
    void adjustmentsBeyondTheQuotasOrForUnrankedRegionsAreRefused() {
        Quotas quotas = new Quotas(2, 1, 1);
        assertThatThrownBy(() -> SelectionPlanner.confirm(ranked(), quotas, List.of(new Adjustment("51.03", true, "r"))))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("3 region(s) on track KAB_KOTA");
        assertThatThrownBy(() -> SelectionPlanner.confirm(ranked(), quotas, List.of(
                new Adjustment("18.71", true, "r"), new Adjustment("51.02", false, "r"))))
                .hasMessageContaining("2 kabupaten/kota of province 18");
        assertThatThrownBy(() -> SelectionPlanner.confirm(ranked(), quotas, List.of(new Adjustment("99.99", true, "r"))))
                .satisfies(e -> assertThat(((RuleViolationException) e).violations()).extracting(Violation::field)
                        .containsExactly("adjustments[0].regionCode"));
        assertThatThrownBy(() -> SelectionPlanner.confirm(ranked(), quotas, List.of(new Adjustment("18.72", true, "r"))))
                .hasMessageContaining("already proposed as selected");
    }
}
