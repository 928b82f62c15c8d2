package id.kotacerdas.masterplan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignmentTest {

    static final List<Alignment.RpjmdPeriod> PARIAMAN = List.of(new Alignment.RpjmdPeriod(2018, 2023, "Perda 5/2018"));

    @Test
    void pariamansRoadmapBeyondRpjmd2018To2023IsReportedYearByYear() {
        MasterplanDocument d = DocumentFixtures.complete(2022, 2026, 3);
        List<Alignment.Finding> findings = Alignment.check(d, PARIAMAN);
        assertThat(findings).extracting(Alignment.Finding::field)
                .containsExactly("roadmap[2].year", "roadmap[3].year", "roadmap[4].year");
        assertThat(findings).allSatisfy(f -> assertThat(f.kind()).isEqualTo(Alignment.Kind.ROADMAP_YEAR_OUTSIDE_RPJMD));
        assertThat(findings.get(0).message()).contains("2024").contains("RPJMD 2018–2023");
    }

    @Test
    void aRoadmapWithinTheRpjmdPeriodsHasNoFindingAndPeriodsAreInclusive() {
        List<Alignment.RpjmdPeriod> two = List.of(new Alignment.RpjmdPeriod(2016, 2021, "a"),
                new Alignment.RpjmdPeriod(2021, 2026, "b"));
        assertThat(Alignment.check(DocumentFixtures.complete(2016, 2026, 3), two)).isEmpty();
    }

    @Test
    void aProgrammeWithoutRpjmdReferenceIsAFinding() {
        MasterplanDocument d = DocumentFixtures.complete(2019, 2023, 3);
        List<MasterplanDocument.Programme> programmes = new ArrayList<>(d.programmes());
        programmes.set(4, DocumentFixtures.programme("SOC-1", Pillar.SOCIETY, " "));
        List<Alignment.Finding> findings = Alignment.check(DocumentFixtures.with(d, programmes, d.quickWins(), d.roadmap()),
                PARIAMAN);
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Alignment.Kind.PROGRAMME_WITHOUT_RPJMD_REFERENCE);
            assertThat(f.field()).isEqualTo("programmes[4].rpjmdReference");
            assertThat(f.message()).contains("SOC-1");
        });
    }

    @Test
    void anUnknownRpjmdIsOneFindingAndNoRpjmdAtAllMakesEveryYearAFinding() {
        MasterplanDocument d = DocumentFixtures.complete(2022, 2024, 3);
        assertThat(Alignment.check(d, null)).extracting(Alignment.Finding::kind).containsExactly(Alignment.Kind.RPJMD_UNKNOWN);
        assertThat(Alignment.check(d, List.of())).hasSize(3)
                .allSatisfy(f -> assertThat(f.message()).contains("the region has no RPJMD period"));
    }
}
