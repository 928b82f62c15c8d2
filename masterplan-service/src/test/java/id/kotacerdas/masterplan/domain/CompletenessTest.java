package id.kotacerdas.masterplan.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletenessTest {

    @Test
    void aCompleteDocumentMissesNothing() {
        assertThat(Completeness.check(DocumentFixtures.complete(2023, 2032, 3), 3)).isEmpty();
    }

    @Test
    void everyPillarNeedsAProgramme() {
        MasterplanDocument d = DocumentFixtures.complete(2023, 2032, 3);
        MasterplanDocument without = DocumentFixtures.with(d,
                d.programmes().stream().filter(p -> p.pillar() != Pillar.BRANDING && p.pillar() != Pillar.ENVIRONMENT).toList(),
                d.quickWins(), d.roadmap());
        assertThat(Completeness.check(without, 3)).extracting(Completeness.Missing::message)
                .containsExactly("pillar BRANDING has no programme", "pillar ENVIRONMENT has no programme");
    }

    @Test
    void theQuickWinsAskedForAreConfigurable() {
        MasterplanDocument d = DocumentFixtures.complete(2023, 2032, 3);
        assertThat(Completeness.check(d, 3)).isEmpty();
        assertThat(Completeness.check(d, 5)).singleElement().satisfies(m -> {
            assertThat(m.field()).isEqualTo("quickWins");
            assertThat(m.message()).isEqualTo("at least 5 quick wins are required, 3 given");
        });
    }

    @Test
    void theRoadmapMustCoverEveryYearOfTheHorizon() {
        MasterplanDocument d = DocumentFixtures.complete(2023, 2027, 3);
        MasterplanDocument gap = DocumentFixtures.with(d, d.programmes(), d.quickWins(),
                d.roadmap().stream().filter(r -> r.year() != 2025 && r.year() != 2027).toList());
        assertThat(Completeness.check(gap, 3)).singleElement()
                .satisfies(m -> assertThat(m.message()).contains("2023–2027").contains("[2025, 2027]"));
    }

    @Test
    void anEmptyDocumentMissesItsHorizonVisionMissionProgrammesAndQuickWins() {
        assertThat(Completeness.check(MasterplanDocument.empty(), 3)).extracting(Completeness.Missing::field)
                .containsExactly("period", "vision", "missions", "programmes", "programmes", "programmes", "programmes",
                        "programmes", "programmes", "quickWins");
        assertThat(Completeness.check(MasterplanDocument.empty(), 0)).extracting(Completeness.Missing::field)
                .doesNotContain("quickWins");
        assertThat(List.of()).isEmpty();
    }
}
