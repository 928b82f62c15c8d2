package id.kotacerdas.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgrammeStatisticsTest {

    static final List<ProgrammeStatistics.Declared> DECLARED = List.of(
            declared(2017, 25, 0), declared(2018, 50, 0), declared(2019, 25, 0), declared(2020, 0, 0),
            declared(2021, 48, 7), declared(2022, 50, 0));

    static ProgrammeStatistics.Declared declared(int year, int size, int repeats) {
        return new ProgrammeStatistics.Declared(year, Track.KAB_KOTA, size, repeats, "https://example.org/" + year);
    }

    static ProgrammeStatistics.Member member(int year, String code) {
        return new ProgrammeStatistics.Member(year, Track.KAB_KOTA, code);
    }

    @Test
    void theDeclaredFiguresGive141By2021And191By2022() {
        var result = ProgrammeStatistics.compute(DECLARED, List.of(), List.of());
        assertThat(result.year(2019, Track.KAB_KOTA).declared().cumulativeDistinct()).isEqualTo(100);
        assertThat(result.year(2020, Track.KAB_KOTA).declared()).isEqualTo(new ProgrammeStatistics.Figures(0, 0, 0, 100));
        assertThat(result.year(2021, Track.KAB_KOTA).declared())
                .isEqualTo(new ProgrammeStatistics.Figures(48, 7, 41, 141));
        assertThat(result.year(2022, Track.KAB_KOTA).declared().cumulativeDistinct()).isEqualTo(191);
    }

    @Test
    void computedFiguresCountARegionOnceAndItsLaterYearsAsRepeatsWithTheGapToTheDeclaredOnes() {
        List<ProgrammeStatistics.Member> members = new ArrayList<>(List.of(member(2017, "34.04"), member(2017, "33.74"),
                member(2018, "33.19"), member(2021, "34.04"), member(2021, "33.74"), member(2021, "33.23"),
                member(2021, "33.23"))); // a duplicate row counts once
        var result = ProgrammeStatistics.compute(DECLARED, members, List.of());
        var y2021 = result.year(2021, Track.KAB_KOTA);
        assertThat(y2021.computed()).isEqualTo(new ProgrammeStatistics.Figures(3, 2, 1, 4));
        assertThat(y2021.gap()).isEqualTo(new ProgrammeStatistics.Figures(45, 5, 40, 137));
        assertThat(y2021.complete()).isFalse();
        assertThat(result.year(2020, Track.KAB_KOTA).computed()).isEqualTo(new ProgrammeStatistics.Figures(0, 0, 0, 3));
        assertThat(result.year(2020, Track.KAB_KOTA).complete()).isTrue();
    }

    @Test
    void aYearWithMembersButNoDeclaredFiguresHasNoGap() {
        var result = ProgrammeStatistics.compute(List.of(), List.of(member(2041, "35.15")), List.of());
        var y = result.year(2041, Track.KAB_KOTA);
        assertThat(y.declared()).isNull();
        assertThat(y.gap()).isNull();
        assertThat(y.computed().cumulativeDistinct()).isEqualTo(1);
    }

    @Test
    void tracksAreCountedApart() {
        var result = ProgrammeStatistics.compute(List.of(new ProgrammeStatistics.Declared(2023, Track.PROVINCE, 2, 0, "u")),
                List.of(new ProgrammeStatistics.Member(2023, Track.PROVINCE, "34"), member(2023, "34.71")), List.of());
        assertThat(result.year(2023, Track.PROVINCE).computed().size()).isEqualTo(1);
        assertThat(result.year(2023, Track.PROVINCE).gap().size()).isEqualTo(1);
        assertThat(result.year(2023, Track.KAB_KOTA).computed().size()).isEqualTo(1);
    }

    @Test
    void coverageIsTheShareOfAProvincesKabKotaThatEverJoinedRoundedHalfUp() {
        var result = ProgrammeStatistics.compute(List.of(),
                List.of(member(2017, "34.04"), member(2021, "34.04"), member(2018, "34.71"),
                        new ProgrammeStatistics.Member(2023, Track.PROVINCE, "34")),
                List.of(new ProgrammeStatistics.Province("34", "DI Yogyakarta", 5),
                        new ProgrammeStatistics.Province("18", "Lampung", 15),
                        new ProgrammeStatistics.Province("33", "Jawa Tengah", 35)));
        assertThat(result.coverage()).extracting(ProgrammeStatistics.Coverage::provinceCode)
                .containsExactly("18", "33", "34");
        var diy = result.coverage().get(2);
        assertThat(diy.joined()).isEqualTo(2);
        assertThat(diy.sharePercent()).isEqualByComparingTo("40.00");
        assertThat(result.coverage().get(0).sharePercent()).isEqualByComparingTo("0.00");
    }
}
